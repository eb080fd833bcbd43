using System.CommandLine;
using System.Globalization;
using Skold.Mesh;

namespace Skold.Cli.Commands;

/// <summary>`skold airtime`: how long a LoRa frame stays on air, and how many fit in an hour's duty cycle.</summary>
internal static class AirtimeCommand
{
    private static readonly int[] BandwidthsHz = [7800, 10400, 15600, 20800, 31250, 41700, 62500, 125000, 250000, 500000];

    public static Command Create(CommandIO io)
    {
        // Values are read as text and checked here, so every mistake is "error: ..." with exit code 2.
        var sf = new Option<string?>("--sf") { Description = "Spreading factor 7..12 (6 with --implicit-header). Required." };
        var bw = new Option<string?>("--bw") { Description = "Bandwidth in kHz: 7.8, 10.4, 15.6, 20.8, 31.25, 41.7, 62.5, 125, 250 or 500. Required." };
        var cr = new Option<string?>("--cr") { Description = "Coding rate denominator 5..8 (4/5..4/8). Required." };
        var payload = new Option<string?>("--payload") { Description = "Payload bytes 0..255. Required." };
        var preamble = new Option<string>("--preamble") { Description = "Preamble symbols (6..65535).", DefaultValueFactory = _ => "8" };
        var implicitHeader = new Option<bool>("--implicit-header") { Description = "Implicit header mode (no LoRa header on air)." };
        var noCrc = new Option<bool>("--no-crc") { Description = "No payload CRC." };
        var ldro = new Option<string>("--ldro") { Description = "Low-data-rate optimisation: auto (on for symbols of 16 ms or more), on or off.", DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "Print one line {\"ms\": <time on air>, \"symbols\": <total symbols>}." };

        var command = new Command("airtime",
            "Time on air of one LoRa frame (Semtech SX127x formula, exact to the microsecond) and how many such frames " +
            "the EU868 duty-cycle limits allow per hour.");
        foreach (Option option in new Option[] { sf, bw, cr, payload, preamble, implicitHeader, noCrc, ldro, json })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            int spreadingFactor = CliInput.Integer(parse.GetValue(sf), "--sf", 6, 12);
            int bandwidthHz = Bandwidth(parse.GetValue(bw));
            int codingRate = CliInput.Integer(parse.GetValue(cr), "--cr", 5, 8);
            int payloadBytes = CliInput.Integer(parse.GetValue(payload), "--payload", 0, LoRaAirtime.MaxPayloadBytes);
            int preambleSymbols = CliInput.Integer(parse.GetValue(preamble), "--preamble", LoRaModulation.MinPreambleSymbols, LoRaModulation.MaxPreambleSymbols);
            bool explicitHeader = !parse.GetValue(implicitHeader);
            int ldroMode = LowDataRateMode.Parse(parse.GetValue(ldro)!);
            if (ldroMode < 0)
            {
                throw new UsageException($"--ldro must be auto, on or off, not \"{parse.GetValue(ldro)}\"");
            }
            if (spreadingFactor == 6 && explicitHeader)
            {
                throw new UsageException("--sf 6 needs --implicit-header: an SX127x radio sends SF6 only without the LoRa header");
            }
            var modulation = new LoRaModulation(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, explicitHeader, !parse.GetValue(noCrc), ldroMode);
            long microseconds = LoRaAirtime.TimeOnAirMicroseconds(modulation, payloadBytes);
            int symbolsTimesFour = LoRaAirtime.SymbolsTimesFour(modulation, payloadBytes);
            if (parse.GetValue(json))
            {
                io.Output.WriteLine($"{{\"ms\": {Milliseconds(microseconds)}, \"symbols\": {Quarters(symbolsTimesFour)}}}");
            }
            else
            {
                PrintSummary(io.Output, modulation, payloadBytes, microseconds);
            }
            return 0;
        }));
        return command;
    }

    private static void PrintSummary(TextWriter output, LoRaModulation m, int payloadBytes, long microseconds)
    {
        int preambleTimesFour = 4 * m.PreambleSymbols + 17;
        int payloadSymbols = LoRaAirtime.PayloadSymbols(m, payloadBytes);
        output.WriteLine($"LoRa SF{m.SpreadingFactor}, {Kilohertz(m.BandwidthHz)} kHz, CR 4/{m.CodingRateDenominator}, " +
            $"{(m.ExplicitHeader ? "explicit" : "implicit")} header, CRC {(m.Crc ? "on" : "off")}, {payloadBytes}-byte payload");
        output.WriteLine($"  symbol time       {Milliseconds(m.SymbolMicroseconds)} ms");
        output.WriteLine($"  preamble          {Quarters(preambleTimesFour)} symbols ({m.PreambleSymbols} + 4.25), " +
            $"{Milliseconds(LoRaAirtime.QuarterSymbolsToMicroseconds(m, preambleTimesFour))} ms");
        output.WriteLine($"  payload symbols   {payloadSymbols} (header, payload and CRC), " +
            $"{Milliseconds(LoRaAirtime.QuarterSymbolsToMicroseconds(m, 4L * payloadSymbols))} ms");
        output.WriteLine($"  LDRO              {(m.LowDataRateOptimization ? "on" : "off")} ({LowDataRateMode.Name(m.LowDataRate)})");
        output.WriteLine($"  time on air       {Milliseconds(microseconds)} ms ({Quarters(LoRaAirtime.SymbolsTimesFour(m, payloadBytes))} symbols)");
        output.WriteLine("Frames of this size per rolling hour:");
        output.WriteLine($"  1% sub-bands (h1.4, h1.7: 36 s an hour)   {SubBand.H14.LimitMicrosecondsPerHour / microseconds}");
        output.WriteLine($"  10% sub-band (h1.6: 360 s an hour)        {SubBand.H16.LimitMicrosecondsPerHour / microseconds}");
    }

    private static int Bandwidth(string? text)
    {
        if (text is null)
        {
            throw new UsageException("--bw is required");
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal kilohertz)
            && kilohertz <= 1000 && kilohertz * 1000 == decimal.Truncate(kilohertz * 1000)
            && BandwidthsHz.Contains((int)(kilohertz * 1000)))
        {
            return (int)(kilohertz * 1000);
        }
        throw new UsageException($"--bw must be one of {string.Join(", ", BandwidthsHz.Select(Kilohertz))} (kHz), not \"{text}\"");
    }

    private static string Kilohertz(int hz) => (hz / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Milliseconds(long microseconds) => (microseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Quarters(long timesFour) => (timesFour / 4m).ToString("0.##", CultureInfo.InvariantCulture);
}
