using System;

namespace Skold.Mesh
{
    /// <summary>
    /// A frequency range with its duty-cycle limit and power limit. The licence-free EU868
    /// sub-bands for non-specific short-range devices are ERC Recommendation 70-03 Annex 1
    /// bands h1.4-h1.7 (harmonised by Commission Decision 2006/771/EC as amended, tested under
    /// ETSI EN 300 220-2 V3.2.1 Table B.1); docs/formats/airtime.md lists the sources.
    /// </summary>
    public sealed class SubBand
    {
        /// <summary>868.000-868.600 MHz: 1% duty cycle, 25 mW e.r.p.</summary>
        public static readonly SubBand H14 = new SubBand("h1.4", 868000000, 868600000, 10, 25);

        /// <summary>868.700-869.200 MHz: 0.1% duty cycle, 25 mW e.r.p.</summary>
        public static readonly SubBand H15 = new SubBand("h1.5", 868700000, 869200000, 1, 25);

        /// <summary>869.400-869.650 MHz: 10% duty cycle, 500 mW e.r.p.</summary>
        public static readonly SubBand H16 = new SubBand("h1.6", 869400000, 869650000, 100, 500);

        /// <summary>869.700-870.000 MHz: 1% duty cycle, 25 mW e.r.p.</summary>
        public static readonly SubBand H17 = new SubBand("h1.7", 869700000, 870000000, 10, 25);

        /// <summary>
        /// The 70 cm amateur band (IARU Region 1, 430-440 MHz), for licensed operators only: no
        /// duty-cycle limit, power as the operator's licence allows (MaxErpMilliwatts 0).
        /// </summary>
        public static readonly SubBand Amateur70cm = new SubBand("70 cm amateur", 430000000, 440000000, Unlimited, 0);

        /// <summary>DutyCyclePerMille of a band without a duty-cycle limit.</summary>
        public const int Unlimited = 1000;

        private const long MicrosecondsPerMilleOfAnHour = 3600000;

        private static readonly SubBand[] LicenceFree = { H14, H15, H16, H17 };

        private SubBand(string name, long lowHz, long highHz, int dutyCyclePerMille, int maxErpMilliwatts)
        {
            Name = name;
            LowHz = lowHz;
            HighHz = highHz;
            DutyCyclePerMille = dutyCyclePerMille;
            MaxErpMilliwatts = maxErpMilliwatts;
        }

        public string Name { get; }

        public long LowHz { get; }

        public long HighHz { get; }

        /// <summary>The duty-cycle limit in tenths of a percent: 1 is 0.1%, 10 is 1%, 100 is 10%; Unlimited for none.</summary>
        public int DutyCyclePerMille { get; }

        /// <summary>The power limit in milliwatts e.r.p.; 0 where the operator's licence sets it.</summary>
        public int MaxErpMilliwatts { get; }

        public bool HasDutyCycleLimit
        {
            get { return DutyCyclePerMille < Unlimited; }
        }

        /// <summary>The most airtime any one hour may hold: 36,000,000 us at 1%.</summary>
        public long LimitMicrosecondsPerHour
        {
            get { return DutyCyclePerMille * MicrosecondsPerMilleOfAnHour; }
        }

        /// <summary>True when the carrier frequency lies in the band, edges included.</summary>
        public bool Contains(long hz)
        {
            return hz >= LowHz && hz <= HighHz;
        }

        /// <summary>The licence-free EU868 sub-band holding the frequency, or null when none does.</summary>
        public static SubBand? FindLicenceFree(long hz)
        {
            foreach (SubBand band in LicenceFree)
            {
                if (band.Contains(hz))
                {
                    return band;
                }
            }
            return null;
        }

        /// <summary>Hz as MHz with three decimals, e.g. "869.525 MHz" (no floating point on the device).</summary>
        internal static string FormatMegahertz(long hz)
        {
            long kilohertz = hz / 1000;
            long fraction = kilohertz % 1000;
            string digits = fraction < 10 ? "00" + fraction : fraction < 100 ? "0" + fraction : fraction.ToString();
            return (kilohertz / 1000) + "." + digits + " MHz";
        }

        public override string ToString()
        {
            string duty = HasDutyCycleLimit
                ? (DutyCyclePerMille / 10) + (DutyCyclePerMille % 10 == 0 ? "" : "." + (DutyCyclePerMille % 10)) + "% duty cycle"
                : "no duty-cycle limit";
            string power = MaxErpMilliwatts > 0 ? ", " + MaxErpMilliwatts + " mW e.r.p." : ", power by licence";
            return Name + " " + FormatMegahertz(LowHz) + " - " + FormatMegahertz(HighHz) + ": " + duty + power;
        }
    }
}
