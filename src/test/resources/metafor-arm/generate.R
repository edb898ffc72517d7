# Reference results for org.ewb.logic.meta.overtime.ArmOverTime (issue 13): pooled mean /
# proportion of the arms of one role, as a single-group meta-analysis in metafor:
#   escalc(measure = "MN" | "PR" | "PLO") then rma(yi, vi, method = EE | DL | REML), test z;
# PLO also gives the back-transformed (transf.ilogit) estimate and interval. Change from baseline:
# change = follow-up mean - baseline mean, sd = sqrt(sd_b^2 + sd_f^2 - 2 r sd_b sd_f)
# (Cochrane Handbook 6.5.2.8), n = follow-up n, then MN (per arm) or MD / SMD (comparison).
#
# Run (Debian: apt-get install r-base-core r-cran-metafor r-cran-jsonlite):
#   cd src/test/resources/metafor-arm && Rscript generate.R
# Writes arm-references.json; the Java tests read only that file.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

# REML is fitted to convergence (threshold 1e-12 instead of metafor's default 1e-5, as the strict
# results of ../shared/reference/metafor), so the comparison tests the estimator, not the stop rule.
fitted <- function(es, method, transf = FALSE) {
  m <- rma(yi, vi, data = es, method = method, test = "z",
           control = list(threshold = 1e-12, maxiter = 10000))
  p <- predict(m)
  out <- list(estimate = as.numeric(m$b), se = m$se, ci_lb = m$ci.lb, ci_ub = m$ci.ub,
              pi_lb = if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb,
              pi_ub = if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub,
              tau2 = m$tau2, I2 = m$I2, QE = m$QE, k = m$k)
  if (transf) {
    pt <- predict(m, transf = transf.ilogit)
    out$estimate_bt <- as.numeric(pt$pred); out$ci_lb_bt <- pt$ci.lb; out$ci_ub_bt <- pt$ci.ub
  }
  out
}

cases <- list()
add_cases <- function(id, measure, input, es, methods = c("EE", "DL", "REML")) {
  for (mt in methods) {
    cases[[length(cases) + 1]] <<- c(
      list(id = paste(id, measure, mt, sep = "__"), dataset = id, measure = measure, method = mt,
           input = input, yi = as.numeric(es$yi), vi = as.numeric(es$vi)),
      fitted(es, mt, transf = measure == "PLO"))
  }
}

# MN: the treated (group 1) and control (group 2) arms of dat.normand1999 (length of stay, days)
d <- dat.normand1999
for (arm in 1:2) {
  mi <- d[[paste0("m", arm, "i")]]; sdi <- d[[paste0("sd", arm, "i")]]; ni <- d[[paste0("n", arm, "i")]]
  es <- escalc(measure = "MN", mi = mi, sdi = sdi, ni = ni)
  add_cases(paste0("normand1999-arm", arm), "MN",
            list(label = d$source, mean = mi, sd = sdi, n = ni), es)
}

# PR, PLO: the vaccinated (tpos / tpos + tneg) and unvaccinated arms of dat.bcg
b <- dat.bcg
for (arm in 1:2) {
  xi <- if (arm == 1) b$tpos else b$cpos
  ni <- if (arm == 1) b$tpos + b$tneg else b$cpos + b$cneg
  for (ms in c("PR", "PLO")) {
    es <- escalc(measure = ms, xi = xi, ni = ni)
    add_cases(paste0("bcg-arm", arm), ms, list(label = paste(b$author, b$year), events = xi, total = ni), es)
  }
}

# PR, PLO with a zero and an all-events arm (escalc adds 1/2 to x and n - x there, to = "only0")
z <- data.frame(label = c("Z1", "Z2", "Z3", "Z4", "Z5"), xi = c(0, 3, 12, 20, 7),
                ni = c(15, 25, 30, 20, 40))
for (ms in c("PR", "PLO")) {
  es <- escalc(measure = ms, xi = z$xi, ni = z$ni)
  add_cases("zero-cells", ms, list(label = z$label, events = z$xi, total = z$ni), es,
            methods = c("DL", "REML"))
}

# Change from baseline (constructed arms): per arm MN of the change, and MD / SMD of the changes
cb <- data.frame(label = c("C1", "C2", "C3", "C4", "C5", "C6"),
                 mb1 = c(8.6, 8.9, 8.2, 8.5, 9.1, 8.4), sdb1 = c(1.1, 0.9, 1.3, 1.0, 1.2, 0.8),
                 mf1 = c(7.4, 7.9, 7.6, 7.1, 8.0, 7.7), sdf1 = c(1.2, 1.0, 1.1, 1.3, 1.4, 0.9),
                 n1 = c(24, 31, 18, 40, 27, 35),
                 mb2 = c(8.5, 8.8, 8.3, 8.6, 9.0, 8.5), sdb2 = c(1.0, 1.0, 1.2, 1.1, 1.3, 0.9),
                 mf2 = c(8.2, 8.6, 8.3, 8.1, 8.7, 8.4), sdf2 = c(1.1, 1.0, 1.2, 1.2, 1.3, 1.0),
                 n2 = c(22, 30, 20, 38, 25, 33))
for (r in c(0.5, 0.8)) {
  ch1 <- cb$mf1 - cb$mb1; s1 <- sqrt(cb$sdb1^2 + cb$sdf1^2 - 2 * r * cb$sdb1 * cb$sdf1)
  ch2 <- cb$mf2 - cb$mb2; s2 <- sqrt(cb$sdb2^2 + cb$sdf2^2 - 2 * r * cb$sdb2 * cb$sdf2)
  input <- c(as.list(cb), list(rho = r, sd_change1 = s1, sd_change2 = s2))
  id <- paste0("change-r", r)
  add_cases(paste0(id, "-arm1"), "MN", input, escalc(measure = "MN", mi = ch1, sdi = s1, ni = cb$n1))
  add_cases(paste0(id, "-arm2"), "MN", input, escalc(measure = "MN", mi = ch2, sdi = s2, ni = cb$n2))
  for (ms in c("MD", "SMD")) {
    add_cases(id, ms, input, escalc(measure = ms, m1i = ch1, sd1i = s1, n1i = cb$n1,
                                    m2i = ch2, sd2i = s2, n2i = cb$n2), methods = c("EE", "REML"))
  }
}

out <- list(generator = "src/test/resources/metafor-arm/generate.R",
            r_version = paste(R.version$major, R.version$minor, sep = "."),
            metafor_version = as.character(packageVersion("metafor")), control = list(threshold = 1e-12, maxiter = 10000), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "arm-references.json")
cat(length(cases), "cases\n")
