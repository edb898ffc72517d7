# Reference results for org.ewb.logic.meta.multivariate (issue 13): metafor rma.mv with
# random = ~ time | study and struct CS, HCS, AR (and CAR), fixed effects one mean per time point
# (mods = ~ factor(time) - 1), REML. Within-study sampling errors of one study correlate with
# rho_within between any two of its time points: V_ij = rho_within * sqrt(vi * vj).
#
# Run (Debian: apt-get install r-base-core r-cran-metafor r-cran-jsonlite):
#   cd src/test/resources/metafor-mv && Rscript generate.R
# Writes mv-references.json; the Java tests read only that file.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

# Each model is fitted with nlminb (rel.tol 1e-10) and with optim's BFGS (reltol 1e-15); the fit
# with the higher restricted log-likelihood is kept (on ishak2007 HCS nlminb stops ~2e-6 short in
# tau^2[4]; BFGS and Nelder-Mead agree to ~1e-9 there). The optimiser used is recorded per case.
fit <- function(V, mods, random, struct, d) {
  a <- tryCatch(rma.mv(yi, V, mods = mods, random = random, struct = struct, data = d,
                       method = "REML", control = list(rel.tol = 1e-10)), error = function(e) NULL)
  b <- tryCatch(rma.mv(yi, V, mods = mods, random = random, struct = struct, data = d,
                       method = "REML",
                       control = list(optimizer = "optim", optmethod = "BFGS", reltol = 1e-15)),
                error = function(e) NULL)
  if (is.null(a)) return(b)
  if (is.null(b)) return(a)
  if (as.numeric(logLik(b)) > as.numeric(logLik(a))) b else a
}

within_V <- function(d, r) {
  blocks <- lapply(split(d, factor(d$study, levels = unique(d$study))), function(x) {
    S <- r * outer(sqrt(x$vi), sqrt(x$vi)); diag(S) <- x$vi; S })
  as.matrix(bldiag(blocks))
}

# Long format of dat.ishak2007: mean change in UPDRS-III after deep-brain stimulation at
# 3, 6, 12 and >12 months (time 1..4; months 3, 6, 12, 24 for the record).
ishak <- function() {
  d <- dat.ishak2007
  out <- do.call(rbind, lapply(1:4, function(t) data.frame(
    study = d$study, time = t, months = c(3, 6, 12, 24)[t],
    yi = d[[paste0("y", t, "i")]], vi = d[[paste0("v", t, "i")]])))
  out <- out[!is.na(out$yi), ]
  out <- out[order(match(out$study, d$study), out$time), ]
  rownames(out) <- NULL
  out
}

# Long format of dat.fine1993: log odds ratio of survival (escalc "OR", 1/2 added to zero cells)
# at 6, 12, 18 and 24 months in 17 trials of chemotherapy in ovarian cancer.
fine <- function() {
  d <- dat.fine1993
  out <- do.call(rbind, lapply(1:4, function(t) {
    es <- escalc(measure = "OR", ai = d[[paste0("e", t, "i")]], n1i = d$nei,
                 ci = d[[paste0("c", t, "i")]], n2i = d$nci)
    data.frame(study = paste0("Trial ", d$study), time = t, months = 6 * t,
               yi = as.numeric(es$yi), vi = as.numeric(es$vi))
  }))
  out <- out[!is.na(out$yi), ]
  out <- out[order(match(out$study, paste0("Trial ", d$study)), out$time), ]
  rownames(out) <- NULL
  out
}

# Simulated (documented as such): 40 studies, up to 5 time points at 1, 3, 6, 12 and 24 months,
# a declining true trajectory, between-study covariance tau_j tau_k 0.7^|t_j - t_k|/6, sampling
# correlation 0.5, about 25% of study x time cells missing. Values rounded to 4 decimals.
simulated <- function() {
  set.seed(20261204)
  months <- c(1, 3, 6, 12, 24); mu <- c(-0.60, -0.45, -0.35, -0.30, -0.20)
  tau <- c(0.30, 0.35, 0.40, 0.40, 0.45)
  G <- outer(tau, tau) * 0.7^(abs(outer(months, months, "-")) / 6)
  rows <- list()
  for (i in 1:40) {
    vi <- round(runif(5, 0.02, 0.10), 4)
    S <- 0.5 * outer(sqrt(vi), sqrt(vi)); diag(S) <- vi
    y <- mu + t(chol(G + S)) %*% rnorm(5)
    keep <- runif(5) > 0.25
    if (sum(keep) == 0) keep[1] <- TRUE
    rows[[i]] <- data.frame(study = sprintf("Sim %02d", i), time = (1:5)[keep],
                            months = months[keep], yi = round(as.numeric(y)[keep], 4), vi = vi[keep])
  }
  out <- do.call(rbind, rows); rownames(out) <- NULL
  out
}

fit_case <- function(name, d, struct, r) {
  message(name, " ", struct, " ", r)
  V <- within_V(d, r)
  d$tf <- factor(d$time)
  if (struct == "CAR") {
    res <- fit(V, ~ tf - 1, ~ months | study, "CAR", d)
    res0 <- fit(V, ~ tf, ~ months | study, "CAR", d)
  } else {
    res <- fit(V, ~ tf - 1, ~ time | study, struct, d)
    res0 <- fit(V, ~ tf, ~ time | study, struct, d)
  }
  lv <- if (struct == "CAR") sort(unique(d$months)) else sort(unique(d$time))
  pr <- predict(res, newmods = diag(length(lv)), tau2.levels = lv)
  list(
    dataset = name, struct = struct, rho_within = r, optimizer = if (is.null(res$control$optimizer)) "nlminb" else res$control$optimizer,
    data = list(study = d$study, time = d$time, months = d$months, yi = d$yi, vi = d$vi),
    results = list(
      times = sort(unique(d$time)),
      beta = as.numeric(res$beta), se = as.numeric(res$se), zval = as.numeric(res$zval),
      pval = as.numeric(res$pval), ci_lb = as.numeric(res$ci.lb), ci_ub = as.numeric(res$ci.ub),
      vb = unname(as.matrix(res$vb)),
      pi_lb = as.numeric(pr$pi.lb), pi_ub = as.numeric(pr$pi.ub),
      tau2 = as.numeric(res$tau2), rho = as.numeric(res$rho),
      k_per_time = as.numeric(table(d$time)),
      QE = res$QE, QEp = res$QEp,
      QM_change = res0$QM, QM_change_df = res0$QMdf[1], QMp_change = res0$QMp,
      logLik_reml = as.numeric(logLik(res)),
      converged_check = list(tau2_intercept_model = as.numeric(res0$tau2),
                             rho_intercept_model = as.numeric(res0$rho))))
}

cases <- list()
for (s in c("CS", "HCS", "AR")) cases[[length(cases) + 1]] <- fit_case("ishak2007", ishak(), s, 0.5)
for (r in c(0, 0.8)) cases[[length(cases) + 1]] <- fit_case("ishak2007", ishak(), "CS", r)
# fine1993 under CS/HCS runs to the boundary (rho = -1 or a tau^2 = 0): only AR and CAR here
for (s in c("AR", "CAR")) cases[[length(cases) + 1]] <- fit_case("fine1993", fine(), s, 0.5)
for (s in c("CS", "HCS", "AR", "CAR")) cases[[length(cases) + 1]] <- fit_case("simulated", simulated(), s, 0.5)

out <- list(generator = "generate.R", metafor = as.character(packageVersion("metafor")),
            R = R.version.string, cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "mv-references.json")
for (c in cases) cat(c$dataset, c$struct, c$rho_within, "tau2", c$results$tau2, "rho", c$results$rho,
                     "beta", round(c$results$beta, 4), "\n")
