namespace Skold.Sim;

/// <summary>
/// Log-distance path loss with log-normal shadowing (fixed per link, the same both ways), and
/// the LoRa demodulation floor per spreading factor and bandwidth.
/// PL(d) = PL(1 m) + 10 n log10(d / 1 m) + X, with PL(1 m) the free-space loss at the carrier.
/// Sensitivity = thermal noise (-174 dBm/Hz + 10 log10 BW) + noise figure + the SNR a spreading
/// factor still demodulates (SX1276 datasheet table 13: -7.5 dB at SF7 down to -20 dB at SF12).
/// </summary>
public sealed class ChannelModel
{
    public const double PathLossExponent = 3.0;
    public const double ShadowingSigmaDb = 4.0;
    public const double NoiseFigureDb = 6.0;
    public const double CaptureThresholdDb = 6.0;

    private readonly double _referenceLossDb;
    private readonly int _seed;

    public ChannelModel(RadioSettings radio, int seed)
    {
        _seed = seed;
        double wavelength = 299.792458 / radio.FreqMhz;
        _referenceLossDb = 20 * Math.Log10(4 * Math.PI / wavelength);
        NoiseFloorDbm = -174 + 10 * Math.Log10(radio.BwKhz * 1000) + NoiseFigureDb;
        SnrThresholdDb = radio.Sf switch { 6 => -5.0, 7 => -7.5, 8 => -10.0, 9 => -12.5, 10 => -15.0, 11 => -17.5, _ => -20.0 };
    }

    public double NoiseFloorDbm { get; }

    public double SnrThresholdDb { get; }

    public double SensitivityDbm => NoiseFloorDbm + SnrThresholdDb;

    /// <summary>Received power at b of a transmission from a, in dBm.</summary>
    public double RssiDbm(SimNode a, SimNode b, double txDbm, int indexA, int indexB)
    {
        double distance = Math.Max(1.0, Math.Sqrt(Math.Pow(a.XM - b.XM, 2) + Math.Pow(a.YM - b.YM, 2)));
        double loss = _referenceLossDb + 10 * PathLossExponent * Math.Log10(distance) + Shadowing(indexA, indexB);
        return txDbm + HeightGainDb(a) + HeightGainDb(b) - loss;
    }

    /// <summary>Range at which the median loss reaches the sensitivity, for generators.</summary>
    public double MedianRangeM(double txDbm) => Math.Pow(10, (txDbm - SensitivityDbm - _referenceLossDb) / (10 * PathLossExponent));

    // Antennas above the 2 m default clear local clutter: +3 dB per doubling of height, per end.
    private static double HeightGainDb(SimNode node) => node.HeightM is double h && h > 2 ? 10 * Math.Log10(h / 2) : 0;

    // Deterministic Gaussian per unordered pair (Box-Muller over a hash of the pair and seed).
    private double Shadowing(int a, int b)
    {
        int lo = Math.Min(a, b);
        int hi = Math.Max(a, b);
        ulong h = (ulong)(uint)_seed * 0x9E3779B97F4A7C15UL ^ (ulong)lo * 0xC2B2AE3D27D4EB4FUL ^ (ulong)hi * 0x165667B19E3779F9UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        double u1 = ((h >> 11) + 1) / (double)(1UL << 53);
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        double u2 = (h >> 11) / (double)(1UL << 53);
        return ShadowingSigmaDb * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
