#!/usr/bin/env python3
"""An independent oracle for src/engine/financing/money.ts, written from its documented contract, not its code:
every product of an amount in fen and decimal rates is rounded half away from zero to the fen, exactly.

Python's integers and `fractions.Fraction` are exact and `decimal`'s ROUND_HALF_UP is "half away from zero", so
nothing here shares the engine's tricks (double quotient estimates, Dekker products, BigInt fallbacks). The cases
aim at the points where a wrong rounding shows: exact half fen of both signs, one unit either side of a half, products
past 2^53 (where a double cannot hold the product), rates with ten decimals, annuities within a hair of a half fen.

  python3 scripts/oracle/money_oracle.py      # writes test/fixtures/money-oracle.json (seeded: the same every run)

The fixture is committed; test/node/financing-money-oracle.test.ts only reads it.
"""
import json
import random
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_FLOOR, getcontext
from fractions import Fraction as F
from math import gcd
from pathlib import Path

getcontext().prec = 80
ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / 'test' / 'fixtures' / 'money-oracle.json'
SAFE = 2 ** 53 - 1
rng = random.Random(20261126)


def half_away(x: F) -> int:
    """Round a rational half away from zero, via decimal's ROUND_HALF_UP on an exact quotient."""
    sign = -1 if x < 0 else 1
    n, d = abs(x.numerator), x.denominator
    q, r = divmod(n, d)
    return sign * (q + (1 if 2 * r >= d else 0))


def check_half_away():
    # The helper against decimal's own rounding on exactly representable decimals (a sanity check of the oracle).
    for s in ['2.5', '-2.5', '2.4999', '-2.5001', '0.5', '-0.5', '0', '7', '-7.5']:
        assert half_away(F(s)) == int(D(s).quantize(D(1), rounding=ROUND_HALF_UP)), s


def rate_text(units: int, scale: int = 10) -> str:
    """The shortest decimal of units / 10^scale (what JSON and JavaScript print for that rate)."""
    return format(D(units).scaleb(-scale).normalize(), 'f')


def rate_num(text: str):
    """The rate as the JSON number it is written as: a float whose repr is exactly `text` (checked)."""
    value = float(text)
    assert D(repr(value)) == D(text), (text, repr(value))
    return value


def mul_div_cases():
    cases = []

    def add(a, num, den, why):
        expected = half_away(F(a * num, den))
        if abs(expected) > SAFE:
            return  # the engine answers in doubles: only results a double holds exactly are asked for
        assert abs(a) <= SAFE and 0 <= num <= SAFE and den > 0
        assert float(den) == den, den  # exactly a JavaScript number
        cases.append({'a': a, 'num': num, 'den': den, 'expected': expected, 'why': why})

    dens = [1, 2, 3, 7, 12, 360, 10_000_000_000, 120_000_000_000, 40_000_000_000, 3_600_000_000_000, 3_650_000_000_000]
    # Products a double holds exactly, both signs.
    for _ in range(300):
        a = rng.randint(-10 ** 6, 10 ** 6)
        num = rng.randint(0, 4 * 10 ** 9)
        add(a, num, rng.choice(dens), 'small product')
    # Products past 2^53 (balances of millions of yuan times a rate in 1e-10 units), results still below 2^53.
    for _ in range(400):
        den = rng.choice(dens[6:])
        num = rng.randint(10 ** 6, 4 * 10 ** 12)
        a = rng.randint(2 ** 53 // num + 1, min(SAFE, SAFE * den // num))
        add(a, num, den, 'product past 2^53')
        add(-a, num, den, 'negative product past 2^53')
    # Exact halves: a·num = q·den + den/2, small and past 2^53, both signs.
    for _ in range(200):
        den = 2 * rng.randint(1, 10 ** 6)
        q = rng.randint(0, 10 ** 6)
        add(q * den + den // 2, 1, den, 'exact half, small')
        add(-(q * den + den // 2), 1, den, 'exact negative half, small')
        h = rng.randint(1, 10 ** 6)
        q = rng.randint(1, 2 ** 40)
        a = (2 * q + 1) * 2 ** 12
        add(a, h, 2 * h * 2 ** 12, 'exact half past 2^53')
        add(-a, h, 2 * h * 2 ** 12, 'exact negative half past 2^53')
    # One unit of a·num either side of a half, and remainders just under and at the divisor.
    for _ in range(200):
        den = rng.choice(dens[1:])
        q = rng.randint(0, min(10 ** 6, SAFE // den - 2))
        for delta in (-1, 1):
            add(q * den + den // 2 + delta, 1, den, 'one unit off a half')
            add(-(q * den + den // 2 + delta), 1, den, 'one unit off a negative half')
        add(q * den + den - 1, 1, den, 'remainder den - 1')
        add(q * den, 1, den, 'remainder 0')
        num = rng.randint(10 ** 6, 4 * 10 ** 12)
        den = rng.choice(dens[6:])
        q = rng.randint(2 ** 53 // num + 1, SAFE) * num // den  # a quotient whose product is past 2^53
        base = (2 * q + 1) * den // (2 * num)  # a·num just under (q + ½)·den
        for a in (base, base + 1):
            if a * num > 2 ** 53 and a <= SAFE:
                add(a, num, den, 'near a half past 2^53')
    # Divisors beyond 2^53 (exact doubles): only exact big-integer arithmetic can answer.
    for _ in range(50):
        den = rng.choice([2 ** 54, 3 * 2 ** 55, 2 ** 60])
        a = rng.randint(1, SAFE)
        num = rng.randint(1, 4 * 10 ** 12)
        add(a, num, den, 'divisor past 2^53')
        add(-a, num, den, 'divisor past 2^53, negative')
    return cases


def signed_mul_div_cases():
    """mulDivRound beyond the usual signs and sizes (its own seed, so the cases above stay as they were): a negative
    rate numerator or divisor (the rule is the same: the exact quotient rounded half away from zero), products past 2^53
    over small divisors (where the double quotient estimate is off by one and must be corrected), and divisors just
    past 2^53 that are not powers of two."""
    r = random.Random(20261127)
    cases = []

    def add(a, num, den, why):
        expected = half_away(F(a * num, den))
        assert abs(a) <= SAFE and abs(num) <= SAFE and den != 0 and float(den) == den
        if abs(expected) <= SAFE:
            cases.append({'a': a, 'num': num, 'den': den, 'expected': expected, 'why': why})

    for _ in range(150):
        # Exact halves past 2^53: a·num = (2q + 1)·2^12·h over 2h·2^12, with the sign on num or on den.
        h = r.randint(1, 10 ** 6)
        q = r.randint(1, 2 ** 40)
        a = (2 * q + 1) * 2 ** 12
        add(a, -h, 2 * h * 2 ** 12, 'negative numerator, exact half past 2^53')
        add(a, h, -2 * h * 2 ** 12, 'negative divisor, exact half past 2^53')
        add(a, -h, -2 * h * 2 ** 12, 'both negative, exact half past 2^53')
        num = r.randint(10 ** 6, 4 * 10 ** 12)
        den = r.choice([10_000_000_000, 120_000_000_000, 3_650_000_000_000])
        a = r.randint(2 ** 53 // num + 1, min(SAFE, SAFE * den // num))
        add(a, -num, den, 'negative numerator past 2^53')
        add(a, num, -den, 'negative divisor past 2^53')
        add(r.randint(-10 ** 6, 10 ** 6), r.randint(0, 4 * 10 ** 9), -r.choice([1, 2, 3, 12, 360, 10 ** 10]), 'negative divisor, small')
    for _ in range(300):
        # Products past 2^53 over small divisors, remainders 0, 1, den − 1 and halves: the double estimate of the
        # quotient is off by one here more often than not.
        den = r.choice([2, 3, 4, 7, 12, 360, 365])
        q = r.randint(2 ** 53 // den + 1, SAFE - 1)
        for rem in {0, 1, den - 1, den // 2}:
            n = q * den + rem
            for a in (d for d in (3, 5, 7, 9, 11, 13, 2 ** 10 + 1) if n % d == 0):
                if n // a <= SAFE:
                    add(a, n // a, den, 'product past 2^53, small divisor')
                    add(n // a, a, den, 'product past 2^53, small divisor')
                    break
    for _ in range(100):
        # Divisors just past 2^53 (even, so exact doubles) that are not powers of two.
        den = 2 ** 53 + 2 * r.randint(1, 10 ** 6)
        a = r.randint(2 ** 40, SAFE)
        num = r.randint(2 ** 13, 2 ** 20)
        add(a, num, den, 'divisor just past 2^53')
        k = r.randint(1, 2 ** 19)
        add(den // 2 + (2 * k + 1) * (den // 2), 1, den, 'divisor just past 2^53, exact half') if den // 2 * (2 * k + 2) <= SAFE else None
    return cases


def rate_cases():
    """applyRate, applyRatePer, applyTwoRates, applyTwoRatesPer: amount × decimal rates (÷ a divisor)."""
    out = {'applyRate': [], 'applyRatePer': [], 'applyTwoRates': [], 'applyTwoRatesPer': []}

    def random_rate():
        digits = rng.choice([2, 4, 6, 10])
        return rate_text(rng.randint(1, 3 * 10 ** (digits - 1)), digits)

    for i in range(400):
        amount = rng.choice([rng.randint(-10 ** 6, 10 ** 6), rng.randint(1, 5 * 10 ** 12)])
        r1 = random_rate()
        if i < 100:
            # Amounts that put amount × rate on an exact half fen: amount·m ≡ 10^d / 2 (mod 10^d), rate = m / 10^d.
            while True:
                d = rng.choice([2, 3, 4, 6])
                m = rng.randint(1, 3 * 10 ** (d - 1))
                g = gcd(m, 10 ** d)
                if (10 ** d // 2) % g == 0:
                    break
            mod = 10 ** d // g
            amount = (10 ** d // 2 // g) * pow(m // g, -1, mod) % mod if mod > 1 else 0
            amount += mod * rng.randint(0, 1000)
            assert (F(amount) * F(m, 10 ** d)).denominator == 2, (amount, m, d)
            r1 = rate_text(m, d)
            amount *= rng.choice([1, -1])
        expected = half_away(F(amount) * F(r1))
        if abs(expected) <= SAFE:
            out['applyRate'].append({'amount': amount, 'rate': rate_num(r1), 'expected': expected})
        divisor = rng.choice([1, 2, 4, 12, 360, 365])
        expected = half_away(F(amount) * F(r1) / divisor)
        out['applyRatePer'].append({'amount': amount, 'rate': rate_num(r1), 'divisor': divisor, 'expected': expected})
        r2 = random_rate()
        amount2 = rng.randint(-10 ** 9, 10 ** 12)
        out['applyTwoRates'].append({'amount': amount2, 'rate1': rate_num(r1), 'rate2': rate_num(r2),
                                     'expected': half_away(F(amount2) * F(r1) * F(r2))})
        num, den = rng.randint(1, 366), rng.choice([360, 365, 366, 12])
        out['applyTwoRatesPer'].append({'amount': amount2, 'rate1': rate_num(r1), 'rate2': rate_num(r2), 'num': num,
                                        'den': den, 'expected': half_away(F(amount2) * F(r1) * F(r2) * num / den)})
    # Exact halves for the two-rate forms: 2 fen × 0.5 × 0.5 = 0.5 fen; −6 × 0.25 × 1 = −1.5; 3 × 0.5 × 1 × 1/1.
    for amount, r1, r2, want in [(2, '0.5', '0.5', 1), (-2, '0.5', '0.5', -1), (-6, '0.25', '1', -2), (6, '0.25', '1', 2),
                                 (10, '0.05', '1', 1), (-10, '0.05', '1', -1), (1, '0.4999999999', '1', 0)]:
        assert half_away(F(amount) * F(r1) * F(r2)) == want
        out['applyTwoRates'].append({'amount': amount, 'rate1': rate_num(r1), 'rate2': rate_num(r2), 'expected': want})
        out['applyTwoRatesPer'].append({'amount': amount * 3, 'rate1': rate_num(r1), 'rate2': rate_num(r2), 'num': 1,
                                        'den': 3, 'expected': want})
    return out


def annuity_exact(principal: int, units: int, n: int, per_year: int) -> F:
    if units == 0:
        return F(principal, n)
    r = F(units, 10 ** 10 * per_year)
    return principal * r / (1 - (1 + r) ** -n)


def annuity_cases():
    cases = []

    def add(principal, units, n, per_year, why):
        exact = annuity_exact(principal, units, n, per_year)
        cases.append({'principal': principal, 'rate': rate_num(rate_text(units)), 'n': n, 'perYear': per_year,
                      'expected': half_away(exact), 'why': why})

    for _ in range(150):
        units = rng.choice([0, 1, 435 * 10 ** 6, 345 * 10 ** 6, rng.randint(1, 15 * 10 ** 8), 10 ** 6])
        add(rng.randint(1, 10 ** 11), units, rng.randint(1, 360), rng.choice([12, 4, 2, 1]), 'random')
    # Zero rate: principal / n, halves both ways.
    for principal, n in [(3, 2), (5, 2), (1, 2), (7, 4), (10 ** 11 + 1, 2)]:
        add(principal, 0, n, 12, 'zero rate')
    # Within a hair of a half fen (inside the margin where a double cannot decide): start anywhere, then move the
    # principal by denominators q of ever closer rational approximations of the factor c (q·c is within δ of an
    # integer, so adding k·q moves P·c's fraction by k·δ) until the fraction sits next to ½.
    for units, n, per_year in [(435 * 10 ** 6, 12, 12), (3 * 10 ** 8, 36, 12), (10 ** 6, 120, 4), (385 * 10 ** 6, 60, 12),
                               (5 * 10 ** 7, 24, 12), (345 * 10 ** 6, 360, 12), (31 * 10 ** 7, 240, 12), (10 ** 4, 6, 2)]:
        c = annuity_exact(1, units, n, per_year)
        for _ in range(3):
            principal = rng.randint(10 ** 7, 10 ** 9)
            for limit in [10 ** k for k in range(1, 9)]:
                q = c.limit_denominator(limit).denominator
                delta = q * c - round(q * c)
                if delta == 0:
                    continue
                k = round((F(1, 2) - (principal * c) % 1) / delta)
                if 0 < principal + k * q <= 10 ** 13:
                    principal += k * q
            if abs((principal * c) % 1 - F(1, 2)) < F(1, 10 ** 6) and all(x['principal'] != principal for x in cases):
                add(principal, units, n, per_year, 'within a hair of a half fen')
    return cases


def split_cases():
    cases = []

    def add(total, shares, why):
        exact = {k: total * F(v) for k, v in shares}
        assert sum(F(v) for _, v in shares) == 1
        parts = {k: int(x.__floor__()) for k, x in exact.items()}
        left = total - sum(parts.values())
        order = sorted(range(len(shares)), key=lambda i: (-(exact[shares[i][0]] - parts[shares[i][0]]), i))
        for i in order[:left]:
            parts[shares[i][0]] += 1
        cases.append({'total': total, 'shares': {k: rate_num(v) for k, v in shares}, 'expected': parts, 'why': why})

    add(100, [('bank', '0.5'), ('guarantor', '0.5')], 'even')
    add(101, [('bank', '0.5'), ('guarantor', '0.5')], 'tie goes to the first')
    add(101, [('guarantor', '0.5'), ('bank', '0.5')], 'tie goes to the first, other order')
    add(10, [('a', '0.34'), ('b', '0.33'), ('c', '0.33')], 'largest remainder')
    add(1, [('a', '0.3'), ('b', '0.3'), ('c', '0.4')], 'one fen to the largest remainder')
    add(2, [('a', '0.3'), ('b', '0.3'), ('c', '0.4')], 'two fen')
    add(7, [('a', '0.1'), ('b', '0.2'), ('c', '0.7')], 'tenths that a double cannot hold')
    add(3, [('a', '0.1'), ('b', '0.2'), ('c', '0.7')], 'tenths, small')
    add(999_999_999_99, [('a', '0.2'), ('b', '0.2'), ('c', '0.6')], 'large total')
    add(10, [('a', '0.5'), ('b', '0.25'), ('c', '0.25')], 'a whole part keeps exactly its share')
    add(11, [('a', '0.4'), ('b', '0.3'), ('c', '0.3')], 'a whole part beside a tie')
    for total, n in [(2, 4), (3, 4), (1, 5), (7, 8), (5, 8)]:
        add(total, [(chr(97 + i), format(D(1) / n, 'f')) for i in range(n)], f'{n}-way tie: the first {total % n} get the extra fen')
        add(total, [(chr(97 + n - 1 - i), format(D(1) / n, 'f')) for i in range(n)], f'{n}-way tie, parties given in reverse order')
    for _ in range(100):
        k = rng.randint(2, 5)
        cuts = sorted(rng.sample(range(1, 10_000), k - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [10_000])]
        shares = [(chr(97 + i), rate_text(p, 4)) for i, p in enumerate(parts)]
        add(rng.randint(0, 10 ** 9), shares, 'random shares in 0.01 %')
    return cases


def to_fen_cases():
    cases = []
    for text in ['0.01', '0.07', '0.29', '0.57', '1.15', '1.005'[:-1], '4.35', '8.20', '19.99', '1234567.89',
                 '99999999.99', '9999999999.99', '0.1', '0.3']:
        cases.append({'yuan': rate_num(text), 'expected': int(D(text) * 100)})
    for _ in range(200):
        fen = rng.randint(0, 10 ** 12)
        text = format(D(fen).scaleb(-2), 'f')
        cases.append({'yuan': rate_num(text), 'expected': fen})
    return cases


def main():
    check_half_away()
    fixture = {
        'generatedBy': 'scripts/oracle/money_oracle.py (Python fractions/decimal, seed 20261126)',
        'mulDivRound': mul_div_cases() + signed_mul_div_cases(),
        **rate_cases(),
        'annuityPayment': annuity_cases(),
        'splitByShares': split_cases(),
        'toFen': to_fen_cases(),
    }
    lines = ['{', f'"generatedBy": {json.dumps(fixture.pop("generatedBy"))},']
    for i, (name, cases) in enumerate(fixture.items()):
        rows = ',\n'.join(json.dumps(c, separators=(',', ':')) for c in cases)
        lines.append(f'"{name}": [\n{rows}\n]' + (',' if i < len(fixture) - 1 else ''))
    OUT.write_text('\n'.join(lines) + '\n}\n')
    print(f'wrote {OUT.relative_to(ROOT)}: ' + ', '.join(f'{k} {len(v)}' for k, v in fixture.items()))


if __name__ == '__main__':
    main()
