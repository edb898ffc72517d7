#!/usr/bin/env python3
"""60-digit arbiter for the differential test (issue 15).

metafor builds k x k matrices in double precision; when the sampling variances span many orders
of magnitude its traces and residuals lose digits (issue 15, item 5), so a disagreement between
metafor and the engine needs a third opinion. This script recomputes every rma.uni fit of
differential.json / regressions.json (models, meta-regressions, common-tau^2 subgroup models) with
mpmath at 60 significant digits, following metafor's definitions (start values, step halving,
ll0check, search intervals), and writes arbiter-<name>.json with the fields where metafor's
strict value differs from the 60-digit value by more than 1e-7 relative (and 1e-12 absolute).
DifferentialTest compares the engine with the 60-digit value for exactly those fields.

    python3 arbiter.py regressions.json                        (mpmath 1.3)
    python3 arbiter.py --only fits.txt differential.json       (only the listed "dataset fit" pairs)
"""
import functools
import json
import sys

import mpmath as mp

mp.mp.dps = 60
EPS = mp.mpf(2) ** -52
LEVEL_Z = mp.sqrt(2) * mp.erfinv(mp.mpf("0.95"))


def bisect(f, lo, hi, n=600):
    """Root of a function with f(lo) and f(hi) of opposite sign, to 1e-45 relative."""
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    flo = f(lo)
    for _ in range(n):
        if hi - lo <= mp.mpf(10) ** -45 * max(abs(lo), abs(hi)):
            break
        mid = (lo + hi) / 2
        fm = f(mid)
        if fm == 0:
            return mid
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def chi2_upper(x, df):
    if df <= 0:
        return mp.nan
    return mp.gammainc(mp.mpf(df) / 2, x / 2, mp.inf, regularized=True)


@functools.lru_cache(maxsize=None)
def chi2_quantile(p, df):
    return bisect(lambda x: (1 - chi2_upper(x, df)) - p, mp.mpf(0), mp.mpf(10) ** 4)


def t_two_sided(t, df):
    return mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


@functools.lru_cache(maxsize=None)
def t_quantile(p, df):
    # upper quantile q with P(T > q) = 1 - p
    return bisect(lambda q: t_two_sided(q, df) / 2 - (1 - p), mp.mpf(0), mp.mpf(10) ** 7)


def f_upper(x, d1, d2):
    return mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, d2 / (d2 + d1 * x), regularized=True)


class Wls:
    """Weighted least squares with P = W - W X (X'WX)^-1 X'W, all in 60 digits."""

    def __init__(self, y, X, w):
        k, p = len(y), len(X[0])
        self.k, self.p, self.w, self.X = k, p, w, X
        M = mp.matrix(p, p)
        b = mp.matrix(p, 1)
        for i in range(k):
            for a in range(p):
                b[a] += w[i] * X[i][a] * y[i]
                for c in range(p):
                    M[a, c] += w[i] * X[i][a] * X[i][c]
        self.xwx = M
        self.A = M ** -1
        self.beta = self.A * b
        self.r = [y[i] - sum(X[i][a] * self.beta[a] for a in range(p)) for i in range(k)]
        self.rss = sum(w[i] * self.r[i] ** 2 for i in range(k))
        self.h = []
        for i in range(k):
            s = 0
            for a in range(p):
                for c in range(p):
                    s += X[i][a] * self.A[a, c] * X[i][c]
            self.h.append(s)

    def yPPy(self):
        return sum((self.w[i] * self.r[i]) ** 2 for i in range(self.k))

    def trP(self):
        return sum(self.w[i] - self.w[i] ** 2 * self.h[i] for i in range(self.k))

    def trDPDP(self, d1, d2):
        k, p, w, X, A = self.k, self.p, self.w, self.X, self.A
        d1 = d1 or [1] * k
        d2 = d2 or [1] * k
        s1 = sum(d1[i] * d2[i] * w[i] ** 2 for i in range(k))
        s2 = sum(d1[i] * d2[i] * w[i] ** 3 * self.h[i] for i in range(k))
        M1 = mp.matrix(p, p)
        M2 = mp.matrix(p, p)
        for i in range(k):
            for a in range(p):
                for c in range(p):
                    M1[a, c] += w[i] ** 2 * d1[i] * X[i][a] * X[i][c]
                    M2[a, c] += w[i] ** 2 * d2[i] * X[i][a] * X[i][c]
        T = A * M2 * A * M1
        return s1 - 2 * s2 + sum(T[a, a] for a in range(p))


def weights(v, t):
    return [1 / (vi + t) for vi in v]


def loglik(y, v, X, t):
    k, p = len(y), len(X[0])
    f = Wls(y, X, weights(v, t))
    slog = sum(mp.log(vi + t) for vi in v)
    xx = Wls(y, X, [mp.mpf(1)] * k).xwx
    ml = -mp.mpf(k) / 2 * mp.log(2 * mp.pi) - slog / 2 - f.rss / 2
    reml = (-mp.mpf(k - p) / 2 * mp.log(2 * mp.pi) + mp.log(mp.det(xx)) / 2 - slog / 2
            - mp.log(mp.det(f.xwx)) / 2 - f.rss / 2)
    return ml, reml


def tau2_fit(y, v, X, method):
    """(tau2, se_tau2) as metafor 3.8-1 defines them, converged to ~1e-45 relative."""
    k, p = len(y), len(X[0])
    ones = [mp.mpf(1)] * k
    if method == "EE":
        return mp.mpf(0), None
    if method == "DL":
        f = Wls(y, X, weights(v, 0))
        trp = f.trP()
        t = max(mp.mpf(0), (f.rss - (k - p)) / trp)
        return t, mp.sqrt(2 * (k - p) + 4 * t * trp + 2 * t * t * f.trDPDP(None, None)) / trp
    if method == "HE":
        o = Wls(y, X, ones)
        trpv = sum(v[i] * (1 - o.h[i]) for i in range(k))
        t = max(mp.mpf(0), (o.rss - trpv) / (k - p))
        return t, mp.sqrt(2 * o.trDPDP(v, v) + 4 * t * trpv + 2 * t * t * (k - p)) / (k - p)
    if method == "SJ":
        ybar = sum(y) / k
        t0 = sum((yi - ybar) ** 2 for yi in y) / k
        f = Wls(y, X, weights(v, t0))
        t = t0 * f.rss / (k - p)
        se = t0 / (k - p) * mp.sqrt(2 * f.trDPDP(v, v) + 4 * t * f.trDPDP(v, None)
                                    + 2 * t * t * f.trDPDP(None, None))
        return t, se
    if method == "PM":
        q = lambda t: Wls(y, X, weights(v, t)).rss - (k - p)
        if q(mp.mpf(0)) < 0:
            t = mp.mpf(0)
        else:
            hi = mp.mpf(100)
            while q(hi) > 0:
                hi *= 2
            t = bisect(q, mp.mpf(0), hi)
        return t, mp.sqrt(mp.mpf(2 * k * k) / (k - p)) / sum(weights(v, t))
    # ML, REML, EB: Fisher scoring from max(0, HE) with metafor's step halving
    o = Wls(y, X, ones)
    t = max(mp.mpf(0), (o.rss - sum(v[i] * (1 - o.h[i]) for i in range(k))) / (k - p))
    vmin = min(v)
    for it in range(20000):
        f = Wls(y, X, weights(v, t))
        if method == "REML":
            adj = (f.yPPy() - f.trP()) / f.trDPDP(None, None)
        elif method == "ML":
            adj = (f.yPPy() - sum(f.w)) / sum(wi * wi for wi in f.w)
        else:
            adj = (f.rss * k / (k - p) - k) / sum(f.w)
        if t == 0 and adj < 0:
            adj = mp.mpf(0)  # in doubles the halving below underflows to 0; in mpmath it never ends
        while t + adj < 0:
            adj /= 2
        old = t
        t = t + adj
        if abs(t - old) <= mp.mpf(10) ** -45 * max(t, vmin):
            break
    else:
        return None, None
    if t < mp.mpf(10) ** -40 * vmin:
        t = mp.mpf(0)  # the iteration crept to the boundary: the maximum is at tau^2 = 0
    if method in ("ML", "REML") and t > 0:
        i = 0 if method == "ML" else 1
        if loglik(y, v, X, mp.mpf(0))[i] - loglik(y, v, X, t)[i] > mp.mpf(10) ** -12:
            t = mp.mpf(0)
    w = weights(v, t)
    if method == "ML":
        return t, mp.sqrt(2 / sum(wi * wi for wi in w))
    if method == "REML":
        return t, mp.sqrt(2 / Wls(y, X, w).trDPDP(None, None))
    return t, mp.sqrt(mp.mpf(2 * k * k) / (k - p)) / sum(w)


def qprofile(y, v, X, tau2, vt):
    k, p = len(y), len(X[0])
    df = k - p
    q = lambda t: Wls(y, X, weights(v, t)).rss
    crit_l = chi2_quantile(mp.mpf("0.975"), df)
    crit_u = chi2_quantile(mp.mpf("0.025"), df)
    hi = max(mp.mpf(100), 10 * tau2)
    q0, qmax = q(mp.mpf(0)), q(hi)
    if q0 < crit_u:
        lb = ub = mp.mpf(0)
    else:
        lb = mp.mpf(0) if q0 < crit_l else (hi if qmax > crit_l else bisect(lambda t: q(t) - crit_l, 0, hi))
        ub = hi if qmax > crit_u else bisect(lambda t: q(t) - crit_u, 0, hi)
    out = {"tau2_ci_lb": lb, "tau2_ci_ub": ub, "tau_ci_lb": mp.sqrt(lb), "tau_ci_ub": mp.sqrt(ub)}
    out.update({"I2_ci_lb": 100 * lb / (vt + lb), "I2_ci_ub": 100 * ub / (vt + ub),
                "H2_ci_lb": 1 + lb / vt, "H2_ci_ub": 1 + ub / vt})
    return out


def fit(y, v, X, method, test, btt):
    """All fields of one rma.uni fit; None if the arbiter has nothing to say (k = p, s2w = 0)."""
    k, p = len(y), len(X[0])
    if k <= p or min(v) <= 0:
        return None
    t, se_t = tau2_fit(y, v, X, method)
    if t is None:
        return None
    f = Wls(y, X, weights(v, t))
    f0 = Wls(y, X, weights(v, 0))
    df = k - p
    s2w = mp.mpf(1)
    if test == "knha":
        if f.rss <= EPS:
            return None
        s2w = f.rss / df
        crit = t_quantile(mp.mpf("0.975"), df)
    else:
        crit = LEVEL_Z
    vb = f.A * s2w
    out = {"tau2": t, "tau": mp.sqrt(t), "QE": f0.rss, "QEp": chi2_upper(f0.rss, df), "s2w": s2w,
           "crit": crit}
    if se_t is not None:
        out["se_tau2"] = se_t
    trp0 = f0.trP()
    vt = df / trp0
    if method == "EE":
        out["I2"] = max(mp.mpf(0), 100 * (f0.rss - df) / f0.rss)
        out["H2"] = f0.rss / df
    else:
        out["I2"] = 100 * t / (vt + t)
        out["H2"] = 1 + t / vt
    coefs = []
    for a in range(p):
        b, se = f.beta[a], mp.sqrt(vb[a, a])
        st = b / se
        pv = t_two_sided(st, df) if test == "knha" else 2 * (1 - mp.ncdf(abs(st)))
        coefs.append({"estimate": b, "se": se, ("tval" if test == "knha" else "zval"): st, "pval": pv,
                      "ci_lb": b - crit * se, "ci_ub": b + crit * se})
    out["coefficients"] = coefs
    ml, reml = loglik(y, v, X, t)
    out["ll_ML"], out["ll_REML"] = ml, reml
    if btt:
        m = len(btt)
        sub = mp.matrix(m, m)
        bs = mp.matrix(m, 1)
        for i, a in enumerate(btt):
            bs[i] = f.beta[a]
            for j, c in enumerate(btt):
                sub[i, j] = vb[a, c]
        qm = (bs.T * sub ** -1 * bs)[0]
        if test == "knha":
            qm = qm / m
            out["QM"], out["QMp"] = qm, f_upper(qm, m, df)
        else:
            out["QM"], out["QMp"] = qm, chi2_upper(qm, m)
    if method != "EE":
        out.update(qprofile(y, v, X, t, vt))
        if p == 1:
            s = mp.sqrt(vb[0, 0] + t)
            out["pi_lb"], out["pi_ub"] = f.beta[0] - crit * s, f.beta[0] + crit * s
            if k - p - 1 >= 1:
                q = t_quantile(mp.mpf("0.975"), k - p - 1)
                out["pi_t_lb"], out["pi_t_ub"] = f.beta[0] - q * s, f.beta[0] + q * s
    return out


def numbers(a):
    return [mp.mpf(x) if isinstance(x, (int, float)) else None for x in a]


def differs(exact, given):
    if given is None or isinstance(given, str) or exact is None:
        return False
    try:
        if not mp.isfinite(exact):
            return False
    except TypeError:
        return False
    return abs(mp.mpf(given) - exact) > max(mp.mpf("1e-7") * abs(exact), mp.mpf("1e-12"))


def arbitrate(d, f):
    """{field: 60-digit value} where metafor's strict value is off; None if not an rma.uni fit."""
    if "error" in f or d.get("kind") == "vi-zero":
        return None
    if "ai" in d:
        if f["analysis"] != "model":
            return None
        es = [g for g in d["fits"] if g["fit"] == "escalc-" + f["measure"]][0]["results"]
        keep = [i for i in range(len(es["yi"])) if isinstance(es["yi"][i], (int, float))
                and isinstance(es["vi"][i], (int, float))]
        d = {"yi": [es["yi"][i] for i in keep], "vi": [es["vi"][i] for i in keep]}
    y, v = numbers(d["yi"]), numbers(d["vi"])
    k = len(y)
    an, method, test = f["analysis"], f["method"], f["test"]
    res = f["results"]
    if an == "model":
        X = [[mp.mpf(1)] for _ in range(k)]
        ex = fit(y, v, X, method, test, [0])
        if ex is None:
            return None
        c = ex.pop("coefficients")[0]
        ex.update(c)
        ex.pop("QM"); ex.pop("QMp")
        arrays = {}
    elif an == "metareg":
        x = numbers(d["x"])
        X = [[mp.mpf(1), x[i]] for i in range(k)]
        ex = fit(y, v, X, method, test, [1])
        if ex is None:
            return None
        arrays = {"coefficients": ex.pop("coefficients")}
        r0 = fit(y, v, [[mp.mpf(1)] for _ in range(k)], method, test, [0])
        if method != "EE" and r0 is not None:
            ex["R2"] = max(mp.mpf(0), 100 * (r0["tau2"] - ex["tau2"]) / r0["tau2"]) if r0["tau2"] > 0 else mp.mpf(0)
    elif an == "subgroup":
        levels = sorted(set(d["grp"]))
        X = [[mp.mpf(1)] + [mp.mpf(1 if g == lv else 0) for lv in levels[1:]] for g in d["grp"]]
        ex = fit(y, v, X, method, "z", list(range(1, len(levels))))
        if ex is None:
            return None
        ex.pop("coefficients")
        Xn = [[mp.mpf(1 if g == lv else 0) for lv in levels] for g in d["grp"]]
        en = fit(y, v, Xn, method, "z", [])
        arrays = {"subgroup_estimates": en["coefficients"]} if en else {}
        r0 = fit(y, v, [[mp.mpf(1)] for _ in range(k)], method, "z", [0])
        if r0 is not None:
            ex["R2"] = max(mp.mpf(0), 100 * (r0["tau2"] - ex["tau2"]) / r0["tau2"]) if r0["tau2"] > 0 else mp.mpf(0)
    else:
        return None
    out = {}
    for key, val in ex.items():
        if key in res and differs(val, res[key]):
            out[key] = float(val)
    for name, rows in arrays.items():
        given = res.get(name) or []
        for i, row in enumerate(rows):
            if i >= len(given):
                continue
            for key, val in row.items():
                if key in given[i] and differs(val, given[i][key]):
                    out[name + "[" + str(i) + "]." + key] = float(val)
    return out


def main():
    args = sys.argv[1:]
    only = None
    if args and args[0] == "--only":
        # speed only: recompute just the fits listed ("dataset fit" per line), e.g. those where the
        # engine and metafor disagree; what is stored is still decided by metafor vs 60 digits
        only = {tuple(line.split()[:2]) for line in open(args[1]) if line.strip()}
        args = args[2:]
    for name in args:
        data = json.load(open(name))
        result = {}
        worst = []
        for d in data["datasets"]:
            print(d["id"], file=sys.stderr, flush=True)
            for f in d["fits"]:
                if only is not None and (d["id"], f["fit"]) not in only:
                    continue
                print("  ", f["fit"], file=sys.stderr, flush=True)
                try:
                    a = arbitrate(d, f)
                except (ZeroDivisionError, ValueError) as e:
                    print("skip", d["id"], f["fit"], e, file=sys.stderr)
                    continue
                if a:
                    result.setdefault(d["id"], {})[f["fit"]] = a
                    worst.append((d["id"], f["fit"], len(a)))
        out = "arbiter-" + name
        with open(out, "w") as fh:
            json.dump({"source": name, "digits": 60, "rule": "stored where |metafor - exact| > max(1e-7 |exact|, 1e-12)",
                       "datasets": result}, fh, indent=0, sort_keys=True)
        print(out, "fits arbitrated:", len(worst), "fields:", sum(n for _, _, n in worst))
        for w in worst:
            print("  ", *w)


if __name__ == "__main__":
    main()
