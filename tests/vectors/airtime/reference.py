#!/usr/bin/env python3
"""Reference LoRa time-on-air values for tests/Skold.Core.Tests/Portable/LoRaAirtimeTests.cs.

The Semtech formula (SX1276/77/78/79 datasheet rev. 7, section 4.1.1.6; AN1200.13) in
floating point, written independently of the C# core. Each row prints the total symbols and
the time on air in microseconds, rounded up; an exact rational computation of the same
formula is printed beside it so float noise cannot hide in a ceiling.

Bandwidths are the radio's real ones (32 MHz crystal): the "7.8 kHz" setting is 7812.5 Hz,
"10.4" 31250/3, "20.8" 62500/3 and "41.7" 125000/3 Hz.
"""
import math
from fractions import Fraction

REAL_BW = {7800: Fraction(15625, 2), 10400: Fraction(31250, 3), 15600: Fraction(15625),
           20800: Fraction(62500, 3), 31250: Fraction(31250), 41700: Fraction(125000, 3),
           62500: Fraction(62500), 125000: Fraction(125000), 250000: Fraction(250000),
           500000: Fraction(500000)}


def time_on_air(sf, bw, cr, payload, preamble=8, explicit_header=True, crc=True, ldro=None):
    """Float formula. cr is the coding-rate denominator 5..8; ldro None = auto (symbol >= 16 ms)."""
    bw_hz = float(REAL_BW[bw])
    t_sym = 2 ** sf / bw_hz
    de = (t_sym >= 0.016) if ldro is None else ldro
    ih = 0 if explicit_header else 1
    n = math.ceil((8 * payload - 4 * sf + 28 + 16 * (1 if crc else 0) - 20 * ih) / (4 * (sf - 2 * (1 if de else 0))))
    payload_symbols = 8 + max(n * cr, 0)
    symbols = preamble + 4.25 + payload_symbols
    seconds = symbols * t_sym
    return symbols, seconds * 1e6, de


def exact_microseconds(sf, bw, cr, payload, preamble=8, explicit_header=True, crc=True, ldro=None):
    t_sym = Fraction(2 ** sf) / REAL_BW[bw]
    de = (t_sym >= Fraction(16, 1000)) if ldro is None else ldro
    ih = 0 if explicit_header else 1
    num = 8 * payload - 4 * sf + 28 + 16 * (1 if crc else 0) - 20 * ih
    den = 4 * (sf - 2 * (1 if de else 0))
    n = -((-num) // den)
    symbols = preamble + Fraction(17, 4) + 8 + max(n * cr, 0)
    return math.ceil(symbols * t_sym * 1000000)


CASES = [
    ("SF7/125k/CR5, 20 bytes", dict(sf=7, bw=125000, cr=5, payload=20)),
    ("SF9/125k/CR5, 255 bytes", dict(sf=9, bw=125000, cr=5, payload=255)),
    ("SF12/125k/CR5, 255 bytes (LDRO auto: on)", dict(sf=12, bw=125000, cr=5, payload=255)),
    ("SF12/125k/CR5, 51 bytes", dict(sf=12, bw=125000, cr=5, payload=51)),
    ("SF10/250k/CR5, 100 bytes", dict(sf=10, bw=250000, cr=5, payload=100)),
    ("SF8/125k/CR5, 16 bytes, implicit header", dict(sf=8, bw=125000, cr=5, payload=16, explicit_header=False)),
    ("SF7/125k/CR6, 32 bytes, no CRC", dict(sf=7, bw=125000, cr=6, payload=32, crc=False)),
    ("SF6/125k/CR5, 10 bytes, implicit header", dict(sf=6, bw=125000, cr=5, payload=10, explicit_header=False)),
    ("SF12/125k/CR5, 51 bytes, LDRO forced off", dict(sf=12, bw=125000, cr=5, payload=51, ldro=False)),
    ("SF7/125k/CR5, 20 bytes, LDRO forced on", dict(sf=7, bw=125000, cr=5, payload=20, ldro=True)),
    ("SF11/125k/CR8, 0 bytes, 12-symbol preamble", dict(sf=11, bw=125000, cr=8, payload=0, preamble=12)),
    ("SF7/500k/CR5, 1 byte, implicit header, no CRC", dict(sf=7, bw=500000, cr=5, payload=1, explicit_header=False, crc=False)),
    ("SF7/7.8k/CR5, 20 bytes (real bandwidth 7812.5 Hz; LDRO auto: on)", dict(sf=7, bw=7800, cr=5, payload=20)),
    ("SF9/41.7k/CR7, 64 bytes (real bandwidth 125000/3 Hz)", dict(sf=9, bw=41700, cr=7, payload=64)),
    ("SF7/15.6k/CR5, 20 bytes", dict(sf=7, bw=15600, cr=5, payload=20)),
    ("SF7/31.25k/CR5, 20 bytes", dict(sf=7, bw=31250, cr=5, payload=20)),
    ("SF7/62.5k/CR5, 20 bytes", dict(sf=7, bw=62500, cr=5, payload=20)),
    ("SF9/125k/CR6, 255 bytes (DESIGN's 5.6 ms a byte)", dict(sf=9, bw=125000, cr=6, payload=255)),
    ("SF9/125k/CR5, 254 bytes", dict(sf=9, bw=125000, cr=5, payload=254)),
    ("SF12/125k/CR5, 254 bytes", dict(sf=12, bw=125000, cr=5, payload=254)),
]

if __name__ == "__main__":
    for name, kwargs in CASES:
        symbols, microseconds, de = time_on_air(**kwargs)
        exact = exact_microseconds(**kwargs)
        print(f"{name:68s} symbols={symbols:9.2f} x4={int(round(symbols * 4)):5d} "
              f"float_us={microseconds:14.4f} ceil={math.ceil(microseconds):10d} exact_ceil={exact:10d} ldro={de}")
