#!/usr/bin/env python3
"""A second, independent oracle for Chanrong's loan quotes, written from the words of CONTRACT.md ("Financing" and
"Financing that reconciles with a bank statement (v2 additions)", "Bill discounting"), not from the TypeScript engine.

Everything is decimal: amounts are Decimal yuan rounded ROUND_HALF_UP (half away from zero) to the fen, rates are the
request's decimal strings, annuities and IRRs are computed with 60 significant digits. Dates are datetime.date.

  python3 scripts/oracle/financing_v2_oracle.py            # writes test/fixtures/financing-v2-oracle.json
  python3 scripts/oracle/financing_v2_oracle.py --check    # also cross-checks the v1 LibreOffice fixtures

Fixtures are committed; tests only read them (no test writes a tracked file).
"""
import calendar
import datetime as dt
import json
import sys
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_CEILING, getcontext
from pathlib import Path

getcontext().prec = 60
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FEN = D('0.01')


def dec(x):
    """A JSON number as the decimal it was written as (json gives floats; repr of a float is its shortest decimal)."""
    return D(repr(x)) if isinstance(x, float) else D(x)


def rnd(x):
    """Round half away from zero to the fen."""
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def parse_date(s):
    return dt.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))


def plus_months(start, months):
    """startDate plus `months` months, clamped to the month's end (always counted from the start)."""
    total = start.year * 12 + (start.month - 1) + months
    y, m0 = divmod(total, 12)
    last = calendar.monthrange(y, m0 + 1)[1]
    return dt.date(y, m0 + 1, min(start.day, last))


def annuity(pv, r, n):
    """The level payment repaying pv over n periods at periodic rate r (pv / n at r = 0), unrounded."""
    if r == 0:
        return pv / n
    return pv * r / (1 - (1 + r) ** (-n))


def npv(flows, x):
    v = 1 / (1 + x)
    total = D(0)
    f = D(1)
    for c in flows:
        total += c * f
        f *= v
    return total


def irr(flows):
    """The per-period IRR of flows at t = 0, 1, …: bisection between -90 % and a rate where the NPV has the other
    sign, 200 halvings at 60 digits (far below 1e-12)."""
    if sum(flows) == 0:
        return D(0)
    lo, hi = D('-0.9'), D('1')
    flo = npv(flows, lo)
    while (npv(flows, hi) > 0) == (flo > 0) and hi < 1000:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        fm = npv(flows, mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < D('1e-30'):
            break
    return (lo + hi) / 2


# ---------------------------------------------------------------------------------------------------- LPR ------

def lpr_table(published, path):
    """Published fixings merged with lprPath, read as a sequence of events in date order: on one date the published
    fixing comes first, then the path entries in request order, so a path entry replaces the published fixing of its
    date and of two path entries with one date the later wins; each event sets the tenors it carries, and a tenor
    missing from an entry keeps its previous value. Returns [(date, {tenor: value in force after that date})]."""
    events = [(f['date'], 0, i, {'oneYear': dec(f['oneYear']), 'fiveYear': dec(f['fiveYear'])}) for i, f in enumerate(published)]
    events += [(e['date'], 1, i, {k: dec(e[k]) for k in ('oneYear', 'fiveYear') if k in e}) for i, e in enumerate(path or [])]
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    state = {}
    table = {}
    for date, _, _, values in events:
        state = {**state, **values}
        table[date] = state
    return sorted(table.items())


def lpr_on(table, tenor, date_str):
    key = 'oneYear' if tenor == '1y' else 'fiveYear'
    found = None
    for d, values in table:
        if d <= date_str and key in values:
            found = values[key]
        elif d > date_str:
            break
    if found is None:
        raise ValueError('no LPR on or before ' + date_str)
    return found


def rate_schedule(req, published, dates):
    """annualRate_k for k = 1..N: the rate in force on the opening date of period k (the date of period k − 1)."""
    spec = req['rate']
    n = len(dates) - 1
    if spec['type'] == 'fixed':
        return [dec(spec['annualRate'])] * n
    start = dates[0]
    mode = spec.get('repricing', 'none')
    table = lpr_table(published, spec.get('lprPath'))
    last_date = dates[-1]
    repricing = [start]
    if mode == 'anniversary':
        j = 1
        while plus_months(start, 12 * j) <= last_date:
            repricing.append(plus_months(start, 12 * j))
            j += 1
    elif mode == 'january-1':
        y = start.year + 1
        while dt.date(y, 1, 1) <= last_date:
            repricing.append(dt.date(y, 1, 1))
            y += 1
    spread = D(spec['spreadBps']) / D(10000)

    def base_at(rd):
        if rd == start and 'baseRate' in spec:
            return dec(spec['baseRate'])
        return lpr_on(table, spec['tenor'], rd.isoformat())

    out = []
    for k in range(1, n + 1):
        opening = dates[k - 1]
        rd = max(d for d in repricing if d <= opening)
        out.append(base_at(rd) + spread)
    return out


# --------------------------------------------------------------------------------------------------- loans ------

def quote(req, published):
    m = 3 if req.get('frequency') == 'quarterly' else 1
    term = req['termMonths']
    N = term // m
    G = req.get('graceMonths', 0) // m
    day_count = req.get('dayCount', '30/360')
    B = {'30/360': None, 'actual/360': D(360), 'actual/365': D(365)}[day_count]
    start = parse_date(req['startDate'])
    dates = [plus_months(start, k * m) for k in range(0, N + 1)]
    rates = rate_schedule(req, published, dates)
    principal0 = dec(req['principal'])
    kind = req['repayment']
    upfront = rnd(principal0 * dec(req.get('upfrontFeeRate', 0)))

    gf = req.get('guaranteeFee')
    g_rate = dec(gf['annualRate']) if gf else D(0)
    g_basis = gf.get('basis', 'annual-in-advance') if gf else None
    g_cov = dec(gf.get('coverage', 1)) if gf else D(1)

    def guarantee(balance, j):
        if not gf:
            return D(0)
        if g_basis == 'annual-in-advance':
            return rnd(balance * g_cov * g_rate)
        if g_basis == 'pro-rata':
            return rnd(balance * g_cov * g_rate * D(min(12, term - 12 * j)) / 12)
        # one-off: at t0 only, on the principal, for the whole term
        return rnd(principal0 * g_cov * g_rate * D(term) / 12) if j == 0 else D(0)

    fee0 = guarantee(principal0, 0)
    sub = req.get('subsidy')
    prepay = sorted(enumerate(req.get('prepayments', [])), key=lambda p: (p[1]['period'], p[0]))

    def days_of(k):
        return (dates[k] - dates[k - 1]).days

    def period_interest(opening, rate, k):
        if B is None:
            return rnd(opening * rate * m / 12)
        return rnd(opening * rate * days_of(k) / B)

    M = N
    I = None       # installment (equal-installment)
    Pst = None     # principal per period (equal-principal)
    balance = principal0
    rows = []
    warnings = set()
    accrual = []
    last_subsidized = None
    for k in range(1, N + 1):
        if k > M:
            break
        rate = rates[k - 1]
        r = rate * m / 12
        opening = balance
        interest = period_interest(opening, rate, k)
        amortizing = k > G
        if kind == 'equal-installment' and amortizing:
            if k == G + 1:
                I = rnd(annuity(opening, r, M - G))
            elif rate != rates[k - 2]:
                I = rnd(annuity(opening, r, M - k + 1))
        if kind == 'equal-principal' and amortizing and k == G + 1:
            Pst = rnd(opening / (M - G))
        if not amortizing:
            principal = D(0)
        elif k == M:
            principal = opening
        elif kind == 'equal-installment':
            principal = min(opening, max(D(0), I - interest))
        elif kind == 'equal-principal':
            principal = min(opening, Pst)
        else:
            principal = D(0)
        payment = interest + principal
        after = opening - principal

        prepaid = D(0)
        pfee = D(0)
        for _, p in [q for q in prepay if q[1]['period'] == k]:
            amount = dec(p['amount'])
            if amount > after:
                warnings.add('prepayment-exceeds-balance')
                amount = after
            prepaid += amount
            pfee += rnd(amount * dec(p.get('feeRate', 0)))
            after -= amount
            if after == 0:
                M = k
                continue
            if not amortizing or kind == 'interest-only' or amount == 0:
                continue
            if p['mode'] == 'reduce-payment':
                if kind == 'equal-installment':
                    I = rnd(annuity(after, r, M - k))
                else:
                    Pst = rnd(after / (M - k))
            else:
                if kind == 'equal-installment':
                    n2 = 1
                    while rnd(annuity(after, r, n2)) > I:
                        n2 += 1
                else:
                    n2 = int((after / Pst).to_integral_value(rounding=ROUND_CEILING))
                # Read with "shorten term never lengthens it": the maturity moves only earlier.
                M = k + min(n2, M - k)
        balance = after

        month = k * m
        g_fee = guarantee(balance, month // 12) if gf and month % 12 == 0 and month < term and balance > 0 else D(0)

        subsidized = sub is not None and (('months' not in sub) or month <= sub['months']) and \
            (('until' not in sub) or dates[k] <= parse_date(sub['until']))
        s = D(0)
        if subsidized:
            last_subsidized = k
            if sub['type'] == 'rate-points':
                pts = dec(sub['annualPoints'])
                cap = rnd(opening * pts * m / 12) if B is None else rnd(opening * pts * days_of(k) / B)
                s = min(interest, cap)
            else:
                s = rnd(interest * dec(sub['share']))
        accrual.append(s)
        rows.append({
            'period': k, 'date': dates[k].isoformat(), 'openingBalance': opening, 'interest': interest,
            'principal': principal, 'payment': payment, 'guaranteeFee': g_fee, 'subsidy': s, 'closingBalance': balance,
            'annualRate': rate, 'days': days_of(k), 'prepayment': prepaid, 'prepaymentFee': pfee,
        })
    # Prepayments in periods past the (shortened) maturity are ignored, with the warning.
    if any(p['period'] > M for _, p in prepay):
        warnings.add('prepayment-exceeds-balance')

    if sub and sub.get('timing') == 'annual-in-arrears':
        pending = D(0)
        for row, a in zip(rows, accrual):
            pending += a
            if (row['period'] * m) % 12 == 0 or row['period'] == last_subsidized:
                row['subsidy'] = pending
                pending = D(0)
            else:
                row['subsidy'] = D(0)

    lender = [principal0 - upfront] + [-(r_['payment'] + r_['prepayment'] + r_['prepaymentFee']) for r_ in rows]
    all_in = [principal0 - upfront - fee0] + [lender[i + 1] - rows[i]['guaranteeFee'] + rows[i]['subsidy'] for i in range(len(rows))]
    per_year = D(12) / m
    i_l = irr(lender)
    i_a = irr(all_in)
    # docs/contract.md, "Rates": all-in flows that change sign more than once (subsidies paid annually in arrears)
    # may have several rates of return, and the quote says so.
    signs = [1 if c > 0 else -1 for c in all_in if c != 0]
    if sum(1 for s, t in zip(signs, signs[1:]) if s != t) > 1:
        warnings.add('several-rates-of-return')
    rate_changes = []
    for row in rows:
        if row['period'] == 1 or row['annualRate'] != rows[row['period'] - 2]['annualRate']:
            rate_changes.append({'period': row['period'], 'date': row['date'], 'annualRate': float(row['annualRate'])})

    def money(x):
        return float(x)

    sched = [{k: (money(v) if isinstance(v, D) and k != 'annualRate' else (float(v) if k == 'annualRate' else v)) for k, v in row.items()} for row in rows]
    col = lambda name: sum((row[name] for row in rows), D(0))
    return {
        'annualRate': float(rates[0]),
        'disbursement': {'date': start.isoformat(), 'principal': money(principal0), 'upfrontFee': money(upfront),
                         'guaranteeFee': money(fee0), 'netAmount': money(principal0 - upfront - fee0)},
        'schedule': sched,
        'totals': {'interest': money(col('interest')), 'principal': money(col('principal')), 'payment': money(col('payment')),
                   'upfrontFee': money(upfront), 'guaranteeFee': money(col('guaranteeFee') + fee0), 'subsidy': money(col('subsidy')),
                   'prepayment': money(col('prepayment')), 'prepaymentFee': money(col('prepaymentFee'))},
        'annualizedRate': float(i_l * per_year),
        'effectiveAnnualRate': float((1 + i_l) ** per_year - 1),
        'allInCost': float(i_a * per_year),
        'rateChanges': rate_changes,
        'maturity': {'period': rows[-1]['period'], 'date': rows[-1]['date']},
        'warnings': sorted(warnings),
    }


def discount(req):
    face = dec(req['faceValue'])
    days = (parse_date(req['maturityDate']) - parse_date(req['discountDate'])).days + req.get('extraDays', 0)
    basis = D(req.get('dayBasis', 360))
    interest = rnd(face * dec(req['discountRate']) * days / basis)
    proceeds = face - interest
    return {'days': days, 'interest': float(interest), 'proceeds': float(proceeds),
            'annualizedRate': float(interest / proceeds * 365 / days)}


def check_v1(published):
    """The oracle must agree with the LibreOffice fixtures on every v1 loan (both were written from the contract)."""
    fixtures = json.loads((ROOT / 'test/fixtures/financing-oracle.json').read_text())
    bad = 0
    for case in fixtures['loans']:
        got = quote(case['request'], published)
        exp = case['expected']
        for i, row in enumerate(exp['schedule']):
            mine = got['schedule'][i]
            for key, value in row.items():
                if (mine[key] != value) if isinstance(value, str) else abs(mine[key] - value) > 1e-9:
                    bad += 1
                    print(f"v1 mismatch: {case['name']} period {i + 1} {key}: {mine[key]} vs {value}", file=sys.stderr)
        for key in ('annualizedRate', 'effectiveAnnualRate', 'allInCost'):
            if abs(got[key] - exp[key]) > 1e-9:
                bad += 1
                print(f"v1 mismatch: {case['name']} {key}: {got[key]} vs {exp[key]}", file=sys.stderr)
    print(f"v1 cross-check against LibreOffice: {len(fixtures['loans'])} loans, {bad} mismatches", file=sys.stderr)
    return bad


def main():
    scenarios = json.loads((HERE / 'v2-scenarios.json').read_text())
    published = scenarios['referenceRates']['lpr']
    if '--check' in sys.argv and check_v1([{'date': '2025-05-20', 'oneYear': 0.03, 'fiveYear': 0.035}]):
        sys.exit(1)
    out = {
        'generatedBy': 'scripts/oracle/financing_v2_oracle.py (Python decimal, from CONTRACT.md)',
        'referenceRates': scenarios['referenceRates'],
        'loans': [{'name': c['name'], 'request': c['request'], 'expected': quote(c['request'], published)} for c in scenarios['loans']],
        'discounts': [{'name': c['name'], 'request': c['request'], 'expected': discount(c['request'])} for c in scenarios['discounts']],
    }
    target = ROOT / 'test/fixtures/financing-v2-oracle.json'
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + '\n')
    print(f"wrote {target.relative_to(ROOT)}: {len(out['loans'])} loans, {len(out['discounts'])} discounts", file=sys.stderr)


if __name__ == '__main__':
    main()
