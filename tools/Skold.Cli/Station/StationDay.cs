using System.Globalization;
using System.Text;
using Skold.Cli.Commands;
using Skold.Council;
using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>
/// Days at a station, played on the real kiosk through its keypad: about a thousand
/// households (some come often), two operators in shifts from 07 to 21, deliveries when stock
/// runs low, a daily stock count, returns of battery packs, quota refusals with neighbours
/// vouching for some of them, and now and then an undo. Outcomes are read off the screen.
/// </summary>
public sealed class StationDay
{
    public const int DefaultHouseholds = 1000;
    private readonly Random _random;
    private KioskDriver _driver;
    private readonly string[] _cards;
    private readonly List<int> _packsOut = [];
    private readonly SortedDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly uint _start;
    private int _operator = 1;
    private uint _shiftStart;
    private int _lastCountDay = -1;

    private StationSession _session;

    /// <param name="households">The households that come to this station, most often the first (default: 0 to 999).</param>
    public StationDay(StationSession session, Random random, uint start, IReadOnlyList<int>? households = null)
    {
        _session = session;
        _random = random;
        _start = start;
        _driver = new KioskDriver(session.Kiosk, start);
        _cards = (households ?? Enumerable.Range(0, DefaultHouseholds).ToArray()).Select(Card).ToArray();
    }

    public uint Now => _driver.Now;

    public int HandOuts { get; private set; }

    public int Returns { get; private set; }

    public int Exceptions { get; private set; }

    public int Undos { get; private set; }

    public int Deliveries { get; private set; }

    public int Shifts { get; private set; }

    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    public static string Card(int household)
    {
        string stem = (300000 + household).ToString(CultureInfo.InvariantCulture);
        return stem + HouseholdCard.CheckDigit(stem);
    }

    public void Run(int records)
    {
        Begin();
        uint lastRecords = _session.Journal.Records;
        int idle = 0;
        while (_session.Journal.Records < (uint)records && !Stopped)
        {
            // Days without a single record mean the rules never allow anything: say so rather than spin.
            idle = _session.Journal.Records == lastRecords ? idle + 1 : 0;
            lastRecords = _session.Journal.Records;
            if (idle > 20_000)
            {
                throw new UsageException($"the station recorded nothing in {idle} households' visits (refused: {string.Join(", ", _refusals.Select(r => r.Key))}): check the rules' dates against --time");
            }
            Step();
        }
        End();
    }

    /// <summary>Opens the day: the screen in English and the first operator logged in.</summary>
    public void Begin()
    {
        if (_session.Kiosk.Language != Kiosk.English)
        {
            _driver.Type("D");
        }
        LogIn();
    }

    /// <summary>Serves households until the clock reaches <paramref name="until"/> or the journal is full.</summary>
    public void RunUntil(uint until)
    {
        while (_driver.Now < until && !Stopped)
        {
            Step();
        }
    }

    /// <summary>Closes the day: back to the menu, and the kiosk shut down (which signs the journal's head).</summary>
    public void End()
    {
        Home();
        _session.Kiosk.Shutdown(_driver.Now);
    }

    /// <summary>Carries on with the kiosk restarted on <paramref name="session"/> after a power cut: the operator logs in again.</summary>
    public void Reboot(StationSession session, uint now)
    {
        _session = session;
        _driver = new KioskDriver(session.Kiosk, now);
        Begin();
    }

    private void Step()
    {
        int hour = LocalHour();
        if (hour >= 21 || hour < 7)
        {
            LogOut();
            _driver.Wait((uint)(((7 - hour + 24) % 24) * 3600));
            LogIn();
            return;
        }
        if (_driver.Now - _shiftStart >= 4 * 3600)
        {
            LogOut();
            _operator = 3 - _operator;
            LogIn();
        }
        Restock();
        CountStockOncePerDay();
        if (_packsOut.Count > 0 && _random.NextDouble() < 0.12)
        {
            ReturnPack();
        }
        else
        {
            HandOut();
        }
        _driver.Wait((uint)_random.Next(5, 60));
    }

    public string Summary(string journalPath)
    {
        Journal journal = _session.Journal;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Station {_session.Station.Station} ({_session.Station.Name}), {CliInput.FormatTime(_start)} to {CliInput.FormatTime(_driver.Now)}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{journalPath}: {journal.Records} records, {journal.UsedBytes} bytes ({(double)journal.UsedBytes / Math.Max(1, journal.Records):F1} a record), {journal.UsedPercent}% of {journal.Size}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"hand-outs {HandOuts}, exceptions {Exceptions}, returns {Returns}, undone {Undos}, deliveries {Deliveries}, shifts {Shifts}, households served {_session.Book.HouseholdsServed}");
        text.Append("refused: ");
        text.Append(_refusals.Count == 0 ? "none" : string.Join(", ", _refusals.Select(r => $"{r.Key} {r.Value}")));
        if (Stopped)
        {
            text.AppendLine();
            text.Append("stopped: the journal is full");
        }
        return text.ToString();
    }

    private bool Stopped => Screen.Contains("journal is full", StringComparison.Ordinal);

    private string Screen => _driver.Screen;

    private int LocalHour() => (int)((_driver.Now + _session.Station.UtcOffsetMinutes * 60L) / 3600 % 24);

    private void LogIn()
    {
        _driver.Type(_operator == 1 ? "1#1234#" : "2#5678#");
        if (_session.Kiosk.Operator == 0)
        {
            throw new UsageException($"operator {_operator} cannot log in with the practice PIN: the simulation needs operators 1 (PIN 1234) and 2 (PIN 5678)");
        }
        _shiftStart = _driver.Now;
        Shifts++;
    }

    private void LogOut()
    {
        Home();
        _driver.Type("*");
    }

    // Back to the main menu from wherever the last action left the screen.
    private void Home()
    {
        for (int i = 0; i < 6 && !Screen.Contains("A Hand out", StringComparison.Ordinal) && !Stopped; i++)
        {
            _driver.Type("*");
        }
    }

    private void Restock()
    {
        DistributionRulesBody rules = _session.Book.Rules!;
        for (int i = 0; i < rules.Items.Length; i++)
        {
            int code = rules.Items[i].Code;
            if (_session.Book.Stock(code) < 20)
            {
                _driver.Type($"C {i % 3 + 1} 300#");
                Deliveries += Screen.Contains("Delivery saved", StringComparison.Ordinal) ? 1 : 0;
                Home();
            }
        }
    }

    private void CountStockOncePerDay()
    {
        int day = (int)(_driver.Now / 86400);
        if (day == _lastCountDay || LocalHour() < 12)
        {
            return;
        }
        _lastCountDay = day;
        int counted = Math.Max(0, _session.Book.Stock(ItemRule.FoodParcel) - _random.Next(0, 3));
        _driver.Type($"D 2 2 {counted}#");
        Home();
    }

    private void HandOut()
    {
        int household = (int)(_cards.Length * Math.Pow(_random.NextDouble(), 1.6));
        double roll = _random.NextDouble();
        int choice = roll < 0.5 ? 2 : roll < 0.8 ? 3 : 1;
        int quantity = choice == 3 ? _random.Next(1, 4) : 1;
        _driver.Type($"A {_cards[household]}# {choice} {quantity}#");
        if (Screen.Contains("Handed out", StringComparison.Ordinal))
        {
            HandOuts++;
            if (choice == 1)
            {
                _packsOut.Add(household);
            }
            if (_random.NextDouble() < 0.01)
            {
                _driver.Type("* D 1 #");
                if (Screen.Contains("Undone", StringComparison.Ordinal))
                {
                    Undos++;
                    HandOuts--;
                    if (choice == 1)
                    {
                        _packsOut.RemoveAt(_packsOut.Count - 1);
                    }
                }
            }
        }
        else if (Screen.Contains("neighbours vouch", StringComparison.Ordinal) && _random.NextDouble() < 0.4)
        {
            int first = _random.Next(_cards.Length);
            int second = _random.Next(_cards.Length);
            _driver.Type($"A {_cards[first]}# {_cards[second]}#");
            if (Screen.Contains("Exception given", StringComparison.Ordinal))
            {
                Exceptions++;
                if (choice == 1)
                {
                    _packsOut.Add(household);
                }
            }
            else
            {
                Refused();
            }
        }
        else
        {
            Refused();
        }
        Home();
    }

    private void ReturnPack()
    {
        int index = _random.Next(_packsOut.Count);
        int household = _packsOut[index];
        _driver.Type($"B {_cards[household]}# #");
        if (Screen.Contains("Returned", StringComparison.Ordinal))
        {
            Returns++;
            _packsOut.RemoveAt(index);
        }
        Home();
    }

    private void Refused()
    {
        string reason = _session.Kiosk.Line(0).Trim().TrimEnd(':');
        _refusals[reason] = _refusals.GetValueOrDefault(reason) + 1;
    }
}
