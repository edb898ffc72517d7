## Random differential test data for the meta-analysis engine (issue 15).
##
##   Rscript differential.R differential   -> differential.json  (seeded random awkward datasets)
##   Rscript differential.R regressions    -> regressions.json   (the minimal inputs of issue 15, regression/*.csv)
##
## Every number in the JSON comes from metafor 3.8-1 (R 4.2.2, Debian bookworm packages r-base-core,
## r-cran-metafor), refitted with strict convergence (see strict_control()). The datasets are
## generated here with set.seed(); the JSON repeats every input value, so the Java test
## (DifferentialTest) reads only the JSON. Numbers are written with 12 significant digits (the test
## compares at 1e-6 relative); NA -> null; +-Inf / NaN -> "Infinity" / "-Infinity" / "NaN".
suppressMessages(library(metafor))
suppressMessages(library(jsonlite))

args <- commandArgs(TRUE)
mode <- if (length(args) > 0) args[1] else "differential"
SEED <- 20261204L
N_GEN <- 160L   # yi/vi datasets
N_2X2 <- 60L    # 2x2 datasets

## ---- number encoding ----------------------------------------------------------------------
enc <- function(x) {
  if (is.null(x)) return(NULL)
  if (is.logical(x)) return(x)
  if (is.character(x)) return(x)
  lapply(x, function(v) {
    if (is.na(v) && !is.nan(v)) return(NULL)
    if (is.nan(v)) return("NaN")
    if (is.infinite(v)) return(if (v > 0) "Infinity" else "-Infinity")
    v
  })
}
num1 <- function(v) { if (length(v) == 0 || is.null(v)) return(NULL); e <- enc(v[1]); e[[1]] }

## ---- strict convergence --------------------------------------------------------------------
## metafor's stop rule is absolute (|change| < threshold, default 1e-5, 100 iterations), which is
## neither converged nor scale-free. We refit with a RELATIVE threshold: 1e-13 x max(tau2 of the
## default fit, min vi), tol = 1e-13 x min vi for the root finders (uniroot also stops at
## 2 eps |x|), maxiter 200 (Fisher scoring needs far fewer when it can converge), tau2.max large enough for PM.
strict_control <- function(tau2, vi, yi) {
  s <- max(tau2, min(vi))
  list(threshold = 1e-13 * s, tol = 1e-13 * min(vi), maxiter = 200,
       tau2.max = max(100, 10 * mad(yi)^2, 100 * var(yi) + 100 * max(vi)))
}
fit_strict <- function(yi, vi, method, test, mods = NULL, intercept = TRUE) {
  dat <- data.frame(yi = yi, vi = vi)
  if (!is.null(mods)) dat$x <- mods$x
  if (!is.null(mods) && !is.null(mods$g)) dat$g <- factor(mods$g)
  fml <- if (is.null(mods)) NULL else if (!is.null(mods$g)) (if (intercept) ~ g else ~ g - 1) else ~ x
  fitone <- function(ctl) {
    if (is.null(fml)) rma(yi, vi, data = dat, method = method, test = test, control = ctl)
    else rma(yi, vi, mods = fml, data = dat, method = method, test = test, control = ctl)
  }
  ## Fisher scoring in metafor's dense matrix code can cycle at the last bits when v_i span many
  ## orders of magnitude; then the threshold is relaxed step by step (1e-13 -> 1e-11 -> 1e-9
  ## relative, then stepadj 1/2); the factor used is kept in attr(, "threshold_factor").
  for (fac in c(1, 100, 1e4)) {
    r <- try({
      r <- fitone(list(tau2.max = strict_control(0, vi, yi)$tau2.max))   # metafor's default rule
      ctl <- strict_control(r$tau2, vi, yi); ctl$threshold <- ctl$threshold * fac; r <- fitone(ctl)
      r
    }, silent = TRUE)
    if (!inherits(r, "try-error")) { attr(r, "threshold_factor") <- fac; return(r) }
  }
  ctl <- strict_control(0, vi, yi); ctl$stepadj <- 0.5; ctl$threshold <- ctl$threshold * 1e4
  r <- fitone(ctl)
  attr(r, "threshold_factor") <- -1e4
  r
}
qp <- function(r, vi) {
  ci <- try(suppressWarnings(confint(r, control = list(tol = 1e-13 * min(vi), maxiter = 1000, tau2.max = max(100, 10 * r$tau2)))), silent = TRUE)
  if (inherits(ci, "try-error")) return(list(tau2_ci_lb = NA, tau2_ci_ub = NA, tau_ci_lb = NA, tau_ci_ub = NA,
    I2_ci_lb = NA, I2_ci_ub = NA, H2_ci_lb = NA, H2_ci_ub = NA))
  rs <- ci$random
  list(tau2_ci_lb = rs["tau^2", "ci.lb"], tau2_ci_ub = rs["tau^2", "ci.ub"],
       tau_ci_lb = rs["tau", "ci.lb"], tau_ci_ub = rs["tau", "ci.ub"],
       I2_ci_lb = rs["I^2(%)", "ci.lb"], I2_ci_ub = rs["I^2(%)", "ci.ub"],
       H2_ci_lb = rs["H^2", "ci.lb"], H2_ci_ub = rs["H^2", "ci.ub"],
       confint_lb_sign = ci$lb.sign, confint_ub_sign = ci$ub.sign, confint_ci_null = ci$ci.null)
}
enc_list <- function(l) lapply(l, function(v) if (is.character(v) || is.logical(v)) v else num1(v))

## ---- one fit -> fields (names as the engine's ResultFields) -------------------------------
model_fields <- function(yi, vi, method, test, bt = NULL) {
  r <- fit_strict(yi, vi, method, test)
  f <- list(k = r$k, p = r$p, estimate = c(r$beta), se = r$se)
  if (r$test == "knha") { f$tval <- r$zval; f$df <- r$ddf } else f$zval <- r$zval
  f <- c(f, list(pval = r$pval, ci_lb = r$ci.lb, ci_ub = r$ci.ub,
                 crit = if (r$test == "knha") qt(0.975, r$ddf) else qnorm(0.975)))
  random <- !(method %in% c("EE", "FE"))
  f <- c(f, list(tau2 = r$tau2, se_tau2 = if (random) r$se.tau2 else NA, tau = sqrt(r$tau2), I2 = r$I2, H2 = r$H2,
                 QE = r$QE, QE_df = r$k - r$p, QEp = r$QEp, s2w = r$s2w))
  pr <- predict(r)
  if (random) {
    f$pi_lb <- pr$pi.lb; f$pi_ub <- pr$pi.ub
    pt <- predict(r, pi.type = "riley")
    f$pi_t_df <- pt$pi.ddf; f$pi_t_lb <- pt$pi.lb; f$pi_t_ub <- pt$pi.ub
  } else { f$pi_lb <- NA; f$pi_ub <- NA }
  f$ll_ML <- r$fit.stats["ll", "ML"]; f$ll_REML <- r$fit.stats["ll", "REML"]
  if (random) f <- c(f, qp(r, vi))
  out <- enc_list(f)
  if (attr(r, "threshold_factor") != 1) out$control_note <- paste("threshold factor", attr(r, "threshold_factor"))
  out
}

metareg_fields <- function(yi, vi, x, method, test) {
  r <- fit_strict(yi, vi, method, test, mods = list(x = x))
  co <- lapply(1:2, function(j) {
    g <- list(name = c("intrcpt", "x")[j], estimate = r$beta[j], se = r$se[j])
    if (r$test == "knha") { g$tval <- r$zval[j]; g$df <- r$ddf[1] } else g$zval <- r$zval[j]
    enc_list(c(g, list(pval = r$pval[j], ci_lb = r$ci.lb[j], ci_ub = r$ci.ub[j])))
  })
  random <- !(method %in% c("EE", "FE"))
  f <- list(k = r$k, p = r$p, tau2 = r$tau2, se_tau2 = if (random) r$se.tau2 else NA, I2 = r$I2, H2 = r$H2,
            QM = r$QM, QM_df = r$QMdf[1], QM_df2 = r$QMdf[2], QMp = r$QMp, QE = r$QE, QE_df = r$k - r$p,
            QEp = r$QEp, s2w = r$s2w, ll_ML = r$fit.stats["ll", "ML"], ll_REML = r$fit.stats["ll", "REML"])
  if (random) {
    r0 <- fit_strict(yi, vi, method, test)
    f$R2 <- if (r0$tau2 > 0) max(0, 100 * (r0$tau2 - r$tau2) / r0$tau2) else 0
    f <- c(f, qp(r, vi))
  }
  out <- enc_list(f); out$coefficients <- co
  if (attr(r, "threshold_factor") != 1) out$control_note <- paste("threshold factor", attr(r, "threshold_factor"))
  out
}

subgroup_fields <- function(yi, vi, grp, method) {
  g <- factor(grp)
  r <- fit_strict(yi, vi, method, "z", mods = list(g = grp))
  r0 <- fit_strict(yi, vi, method, "z")
  rn <- fit_strict(yi, vi, method, "z", mods = list(g = grp), intercept = FALSE)
  f <- list(QM = r$QM, QM_df = r$QMdf[1], QMp = r$QMp, tau2 = r$tau2, se_tau2 = r$se.tau2, I2 = r$I2, H2 = r$H2,
            QE = r$QE, QE_df = r$k - r$p, QEp = r$QEp, k = r$k,
            R2 = if (r0$tau2 > 0) max(0, 100 * (r0$tau2 - r$tau2) / r0$tau2) else 0)
  est <- lapply(seq_along(levels(g)), function(j) enc_list(list(level = levels(g)[j], estimate = rn$beta[j],
    se = rn$se[j], zval = rn$zval[j], pval = rn$pval[j], ci_lb = rn$ci.lb[j], ci_ub = rn$ci.ub[j])))
  out <- enc_list(f); out$subgroup_estimates <- est; out
}

mh_fields <- function(d, measure, peto = FALSE) {
  r <- if (peto) rma.peto(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
       else rma.mh(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = measure)
  f <- list(k = r$k, k_yi = r$k.yi, estimate = c(r$beta), se = r$se, zval = r$zval, pval = r$pval,
            ci_lb = r$ci.lb, ci_ub = r$ci.ub, QE = r$QE, QE_df = r$k.yi - 1, QEp = r$QEp, I2 = r$I2, H2 = r$H2)
  if (!peto && measure == "OR") {
    f <- c(f, list(CO = r$CO, COp = r$COp, CMH = r$MH, CMHp = r$MHp, BD = r$BD, BDp = r$BDp, TA = r$TA, TAp = r$TAp))
    r2 <- rma.mh(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = "OR", correct = FALSE)
    f$CMH_nocorrect <- r2$MH; f$CMHp_nocorrect <- r2$MHp
    ## R's own stats::mantelhaen.test: the continuity correction only when |sum(a - E(a))| >= 1/2
    ## (metafor always subtracts 1/2). Kept for the documented 'cmh-small-deviation' convention.
    Ni <- d$n1i + d$n2i; xt <- d$ai + d$ci; yt <- Ni - xt
    delta <- sum(d$ai - d$n1i * xt / Ni)
    f$mh_delta <- delta
    if (abs(delta) < 0.5) {
      arr <- array(c(rbind(d$ai, d$ci, d$n1i - d$ai, d$n2i - d$ci)), dim = c(2, 2, length(d$ai)))
      mt <- try(mantelhaen.test(arr, correct = TRUE), silent = TRUE)
      if (!inherits(mt, "try-error")) { f$CMH_stats <- unname(mt$statistic); f$CMHp_stats <- mt$p.value }
      ## Cochran's statistic with the same rule (no stats:: counterpart): delta^2 / sum(n1 n2 m1 m0 / N^3)
      f$CO_rule <- delta^2 / sum((d$n1i / Ni) * (d$n2i / Ni) * (xt * (yt / Ni)))
      f$COp_rule <- pchisq(f$CO_rule, 1, lower.tail = FALSE)
    }
  }
  if (peto || measure == "OR") f$k_pos <- r$k.pos
  enc_list(f)
}

safe <- function(expr) {
  w <- NULL
  v <- withCallingHandlers(tryCatch(expr, error = function(e) structure(list(msg = conditionMessage(e)), class = "fit_error")),
                           warning = function(m) { w <<- c(w, conditionMessage(m)); invokeRestart("muffleWarning") })
  if (inherits(v, "fit_error")) list(error = v$msg) else list(results = v)
}

fits_gen <- function(d) {
  out <- list()
  add <- function(fit, analysis, method, test, expr) {
    s <- safe(expr)
    out[[length(out) + 1]] <<- c(list(fit = fit, analysis = analysis, method = method, test = test), s)
  }
  for (m in c("EE", "DL", "REML", "ML", "PM", "HE", "SJ", "EB"))
    add(paste0("model-", m), "model", m, "z", model_fields(d$yi, d$vi, m, "z"))
  for (m in c("DL", "REML", "SJ"))
    add(paste0("model-", m, "-knha"), "model", m, "knha", model_fields(d$yi, d$vi, m, "knha"))
  if (!is.null(d$x)) {
    for (m in c("EE", "DL", "REML", "SJ"))
      add(paste0("metareg-", m), "metareg", m, "z", metareg_fields(d$yi, d$vi, d$x, m, "z"))
    add("metareg-REML-knha", "metareg", "REML", "knha", metareg_fields(d$yi, d$vi, d$x, "REML", "knha"))
  }
  if (!is.null(d$grp)) {
    for (m in c("DL", "REML", "SJ"))
      add(paste0("subgroup-", m), "subgroup", m, "z", subgroup_fields(d$yi, d$vi, d$grp, m))
  }
  out
}

fits_2x2 <- function(d) {
  out <- list()
  add <- function(fit, analysis, method, test, measure, expr) {
    s <- safe(expr)
    out[[length(out) + 1]] <<- c(list(fit = fit, analysis = analysis, method = method, test = test, measure = measure), s)
  }
  for (ms in c("OR", "RR", "RD")) {
    es <- escalc(ms, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
    ok <- !is.na(es$yi) & !is.na(es$vi)
    out[[length(out) + 1]] <- list(fit = paste0("escalc-", ms), analysis = "escalc", measure = ms,
                                   results = list(yi = enc(c(es$yi)), vi = enc(c(es$vi))))
    for (m in c("EE", "DL", "REML"))
      add(paste0("model-", ms, "-", m), "model", m, "z", ms, model_fields(c(es$yi)[ok], c(es$vi)[ok], m, "z"))
    add(paste0("mh-", ms), "mh", "MH", "z", ms, mh_fields(d, ms))
  }
  add("peto", "peto", "PETO", "z", "OR", mh_fields(d, "OR", peto = TRUE))
  out
}

## ---- the generator ----------------------------------------------------------------------
## Awkward on purpose: k from 1 to 150; sampling variances on scales from 1e-12 to 1e2 and
## spanning up to 8 orders of magnitude within a dataset; tau2 = 0 exactly, small, or 1000x the
## variances; identical or tied effects; moderators with outliers; subgroups with a single study;
## a few zero variances; 2x2 tables with rare events, zero cells and double zeros.
gen_dataset <- function(i) {
  set.seed(SEED + i)
  k <- sample(c(1, 2, 3, 4, 5, 6, 8, 10, 15, 25, 40, 80, 150), 1,
              prob = c(2, 4, 8, 8, 8, 6, 8, 8, 6, 5, 3, 2, 1))
  scale <- 10^runif(1, -6, 2)
  if (runif(1) < 0.08) scale <- 1e-10 * runif(1, 0.5, 2)         # tiny-scale data (r1_scaled-like)
  span <- sample(c(0, 1, 2, 3, 5, 8), 1, prob = c(1, 4, 3, 2, 2, 1))
  vi <- scale * 10^runif(k, 0, span)
  tau2 <- switch(sample(1:4, 1), 0, scale * runif(1, 0, 1), scale * 10^runif(1, 0, 3), scale * 10^span * runif(1))
  mu <- rnorm(1, 0, 1) * sqrt(scale)
  x <- NULL
  slope <- rnorm(1, 0, 2) * sqrt(scale)
  if (k >= 3 && runif(1) < 0.6) {
    x <- switch(sample(1:3, 1), rnorm(k), round(runif(k, 0, 5)), c(rnorm(k - 1), 20))
    if (length(unique(x)) < 2) x[1] <- x[1] + 1
  }
  yi <- mu + rnorm(k, 0, sqrt(tau2 + vi)) + if (is.null(x)) 0 else slope * x
  kind <- "random"
  u <- runif(1)
  if (u < 0.05) { yi <- rep(yi[1], k); kind <- "identical-yi" }
  else if (u < 0.10) { yi <- round(yi / sqrt(scale), 1) * sqrt(scale); kind <- "tied-yi" }
  grp <- NULL
  if (k >= 4 && runif(1) < 0.4) {
    L <- sample(2:3, 1)
    grp <- sample(LETTERS[1:L], k, replace = TRUE)
    grp[1:L] <- LETTERS[1:L]
    if (runif(1) < 0.3) { grp[] <- "A"; grp[k] <- "B" }          # a subgroup of one study
  }
  if (k >= 3 && runif(1) < 0.03) { vi[sample(k, 1)] <- 0; kind <- "vi-zero" }
  ## the JSON keeps 12 significant digits: round the inputs first so that metafor, the engine
  ## and the 60-digit arbiter all see the same numbers
  list(id = sprintf("gen%03d", i), kind = kind, yi = signif(yi, 12), vi = signif(vi, 12),
       x = if (is.null(x)) NULL else signif(x, 12), grp = grp)
}

gen_2x2 <- function(i) {
  set.seed(SEED + 10000 + i)
  k <- sample(c(1, 2, 3, 5, 8, 15, 40), 1, prob = c(1, 2, 3, 3, 3, 2, 1))
  n1i <- sample(c(2:10, 20, 50, 100, 1000), k, replace = TRUE)
  n2i <- sample(c(2:10, 20, 50, 100, 1000), k, replace = TRUE)
  p <- switch(sample(1:3, 1), runif(1, 0.001, 0.03), runif(1, 0.05, 0.5), runif(1, 0.9, 1))
  ai <- rbinom(k, n1i, p)
  ci <- rbinom(k, n2i, min(1, p * exp(rnorm(1, 0, 0.7))))
  if (runif(1) < 0.2) { j <- sample(k, 1); ai[j] <- 0; ci[j] <- 0 }
  list(id = sprintf("tab%03d", i), kind = "2x2", ai = ai, n1i = n1i, ci = ci, n2i = n2i)
}

run_dataset <- function(d) {
  if (!is.null(d$ai)) {
    list(id = d$id, kind = d$kind, note = d$note, ai = as.list(d$ai), n1i = as.list(d$n1i), ci = as.list(d$ci), n2i = as.list(d$n2i), fits = fits_2x2(d))
  } else {
    list(id = d$id, kind = d$kind, note = d$note, yi = enc(d$yi), vi = enc(d$vi),
         x = if (is.null(d$x)) NULL else enc(d$x), grp = if (is.null(d$grp)) NULL else as.list(d$grp), fits = fits_gen(d))
  }
}

## ---- regression inputs (issue 15's minimal reproductions) ---------------------------------
regression_datasets <- function() {
  dir <- "regression"
  notes <- read.csv(file.path(dir, "notes.csv"), stringsAsFactors = FALSE)
  lapply(seq_len(nrow(notes)), function(j) {
    f <- notes$file[j]
    d <- read.csv(file.path(dir, f), stringsAsFactors = FALSE)
    id <- sub("\\.csv$", "", f)
    if (!is.null(d$events_e)) {
      list(id = id, kind = "2x2", note = notes$note[j], ai = d$events_e, n1i = d$total_e, ci = d$events_c, n2i = d$total_c)
    } else {
      vi <- if (!is.null(d$vi)) d$vi else d$se^2
      list(id = id, kind = "regression", note = notes$note[j], yi = signif(d$yi, 12), vi = signif(vi, 12),
           x = if (is.null(d$x)) NULL else signif(d$x, 12), grp = d$grp)
    }
  })
}

if (mode == "regressions") {
  ds <- regression_datasets(); outfile <- "regressions.json"
} else {
  ds <- c(lapply(seq_len(N_GEN), gen_dataset), lapply(seq_len(N_2X2), gen_2x2)); outfile <- "differential.json"
}
res <- lapply(ds, function(d) { t0 <- Sys.time(); r <- run_dataset(d); message(d$id, " ", round(as.numeric(Sys.time() - t0, units = "secs"), 1), "s"); r })
meta <- list(generator = paste0("R ", R.version$major, ".", R.version$minor, ", metafor ", packageVersion("metafor")),
             seed = SEED, script = "differential.R", mode = mode,
             digits = 12, control = "strict_control(): relative threshold 1e-13 x max(tau2, min vi), refitted twice; tol 1e-13 x min vi",
             datasets = res)
writeLines(toJSON(meta, auto_unbox = TRUE, null = "null", na = "null", digits = I(12)), outfile)
cat("wrote", outfile, length(res), "datasets,", sum(sapply(res, function(r) length(r$fits))), "fits\n")
