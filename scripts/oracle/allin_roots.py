#!/usr/bin/env python3
"""The roots of two loans' all-in NPV, for test/node/financing-allin-two-roots.test.ts (which pastes the numbers
printed here as constants; nothing is written).

The flows are worked out by hand from docs/contract.md (equal principal, 30/360, a 95 % upfront fee, the whole
interest subsidized and paid annually in arrears), not taken from the engine:

- quarterly: 100,000 at 60 % for 12 months: 25,000 of principal a quarter, interest 15 % of the balance (15,000,
  11,250, 7,500, 3,750), the year's interest 37,500 credited with the 4th payment. All-in: +5,000, -40,000, -36,250,
  -32,500, -28,750 + 37,500.
- monthly: 1,200 at 60 % for 12 months: 100 of principal a month, interest 5 % of the balance (60, 55, ..., 5), the
  year's 390 credited with the 12th payment. All-in: +60, -160, -155, ..., -110, -105 + 390.

Each list's coefficients change sign twice, so (Descartes' rule of signs in v = 1 / (1 + r)) the NPV has at most two
roots with r > -1; the scan below finds two, so these are all of them. Decimal with 60 digits: x = ln(1 + r) is
scanned from -12 to 12 in steps of 1/2000 and each sign change bisected 200 times.

The rule of docs/contract.md ("Rates") is applied here from its text: of the roots whose sign is the net cost's
(-sum of the flows: the borrower receives the first flow), the one nearest the nominal periodic rate in ln(1 + r);
the nearest of all only when no root has that sign. Both loans pay back far more than they receive (the flows sum
to -95,000 and -1,140 yuan, printed below), so the positive root is the answer, though the negative one is nearer.

  python3 scripts/oracle/allin_roots.py
"""
from decimal import Decimal as D, getcontext

getcontext().prec = 60


def npv(flows, x):
    v = (-x).exp()
    y = D(0)
    for f in reversed(flows):
        y = y * v + f
    return y


def roots(flows):
    out = []
    lo = D(-12)
    ylo = npv(flows, lo)
    for k in range(1, 48001):
        x = D(-12) + D(k) / 2000
        y = npv(flows, x)
        if y == 0 or (y > 0) != (ylo > 0):
            a, b, ya = lo, x, ylo
            for _ in range(200):
                m = (a + b) / 2
                ym = npv(flows, m)
                if (ym > 0) == (ya > 0):
                    a, ya = m, ym
                else:
                    b = m
            out.append((a + b) / 2)
        lo, ylo = x, y
    return out


quarterly = [D(5000), D(-40000), D(-36250), D(-32500), D(-28750 + 37500)]
monthly = [D(60)] + [D(-(100 + 5 * (13 - k))) for k in range(1, 12)] + [D(-105 + 390)]

for name, flows, per_year, nominal in [('quarterly', quarterly, 4, D('0.15')), ('monthly', monthly, 12, D('0.05'))]:
    g = (1 + nominal).ln()
    total = sum(flows)
    print(name, [int(f) for f in flows], ' sum', total)
    xs = roots(flows)
    for x in xs:
        r = x.exp() - 1
        print('  rate a period', format(r, '.20f'), ' x', per_year, format(r * per_year, '.15f'),
              ' |ln(1 + r) - ln(1 + nominal)|', format(abs(x - g), '.6f'))
    # The rule: the net cost's sign is that of -sum; x = ln(1 + r) has the sign of r.
    want = 0 if total == 0 else (1 if total < 0 else -1)
    of_sign = [x for x in xs if (x > 0) - (x < 0) == want]
    pick = min(of_sign or xs, key=lambda x: abs(x - g))
    print('  the rule picks', format(pick.exp() - 1, '.20f'), ' x', per_year, format((pick.exp() - 1) * per_year, '.15f'))
