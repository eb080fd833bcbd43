using System;
using Skold.Council;

namespace Skold.Station
{
    /// <summary>
    /// The station kiosk's user flow as a pure state machine: keypad keys in (0-9, A-D, * and #),
    /// a 20x4 screen and a buzzer/LED signal out. Every hand-out goes through the council's
    /// quotas and is committed to the journal before the screen says it is done. * goes back
    /// (or deletes a digit), # confirms. Swedish by default; D on the login screen switches.
    /// </summary>
    public sealed class Kiosk
    {
        public const int Columns = 20;
        public const int Rows = 4;
        public const int Swedish = 0;
        public const int English = 1;

        private const int Locked = 0;
        private const int Pin = 1;
        private const int Home = 2;
        private const int Card = 3;
        private const int PickItem = 4;
        private const int Quantity = 5;
        private const int Done = 6;
        private const int Refused = 7;
        private const int Neighbour = 8;
        private const int More = 9;
        private const int UndoConfirm = 10;
        private const int Status = 11;
        private const int Stopped = 12;

        private const int ForHandOut = 0;
        private const int ForReturn = 1;
        private const int ForDelivery = 2;
        private const int ForCount = 3;

        private const int ItemsPerPage = 3;

        private readonly KioskSettings _settings;
        private readonly Journal _journal;
        private readonly DistributionBook _book;
        private readonly HouseholdCard _cards;
        private readonly string[] _lines = new string[Rows];

        private int _state = Locked;
        private int _purpose;
        private string _input = "";
        private string _note = "";
        private int _operator;
        private readonly OperatorLogin _login;
        private uint _now;
        private uint _lastKey;
        private byte[]? _household;
        private byte[]? _neighbour1;
        private int _neighbourStep;
        private int _item;
        private int _quantity;
        private int _page;
        private int _verdict;
        private string[] _result = new string[0];

        public Kiosk(KioskSettings settings, Journal journal, DistributionBook book, HouseholdCard cards, uint now)
        {
            _settings = settings;
            _login = new OperatorLogin(settings);
            _journal = journal;
            _book = book;
            _cards = cards;
            _now = now;
            _lastKey = now;
            Render();
        }

        public int Language { get; private set; }

        public int Signal { get; private set; }

        /// <summary>The operator logged in, 0 when the kiosk is locked.</summary>
        public int Operator
        {
            get { return _operator; }
        }

        /// <summary>Screen lines that were longer than the display and were cut (a test keeps this 0).</summary>
        public int CutLines { get; private set; }

        public string Line(int row)
        {
            return _lines[row];
        }

        public int Leds
        {
            get { return KioskSignal.Leds(Signal); }
        }

        public void Press(char key, uint now)
        {
            _now = now;
            _lastKey = now;
            Signal = KioskSignal.Key;
            _note = "";
            try
            {
                Handle(key);
            }
            catch (JournalFullException)
            {
                _state = Stopped;
                Signal = KioskSignal.Refused;
            }
            Render();
        }

        /// <summary>Called every few seconds by the board: logs an idle operator out.</summary>
        public void Tick(uint now)
        {
            _now = now;
            Signal = KioskSignal.None;
            if (_operator != 0 && now - _lastKey >= (uint)_settings.IdleLogoutSeconds)
            {
                try
                {
                    LogOut();
                    _note = T("Utloggad: inaktiv", "Logged out: idle");
                    Signal = KioskSignal.Warning;
                }
                catch (JournalFullException)
                {
                    _state = Stopped;
                    Signal = KioskSignal.Refused;
                }
            }
            Render();
        }

        /// <summary>
        /// Puts a DISTRIBUTION_RULES order in force, one the caller has accepted (signatures,
        /// policy, sequence: Council.OrderAcceptance), and records that in the journal. An
        /// order already in force is not recorded twice. Returns false for an expired order.
        /// </summary>
        public bool ApplyRules(Order order, uint now)
        {
            DistributionRulesBody? rules = order.Body as DistributionRulesBody;
            if (rules == null)
            {
                throw new ArgumentException("not a DISTRIBUTION_RULES order: " + OrderKind.Name(order.Kind));
            }
            if (now >= order.Expires)
            {
                return false;
            }
            JournalRecord applied = JournalRecord.OrderApplied(now, order.Kind, order.Sequence, order.ComputeId());
            bool changed = _book.Rules != rules || _book.RulesStart != order.Created || _book.RulesExpires != order.Expires;
            _book.SetRules(rules, order.Created, order.Expires);
            if (changed)
            {
                // Counts depend on the rules' periods: read the journal again under the new ones.
                _book.Clear();
                _journal.Replay(_book);
            }
            byte[]? recorded = _book.AppliedRulesId;
            if (recorded == null || !Bytes.SameBytes(recorded, applied.Blob))
            {
                _book.Read(_journal.Append(applied));
            }
            Render();
            return true;
        }

        /// <summary>
        /// The operator of a finished ClockEntry set the station's clock: records that (who, to
        /// what, from what) and then that operator's login, so the ledger shows the jump in time
        /// and who made it before any hand-out at the new time. Throws ArgumentException for a
        /// time behind the journal or an unknown operator (ClockEntry never gives one).
        /// </summary>
        public void ClockWasSet(int operatorNumber, uint clockBefore, uint now)
        {
            if (now < _journal.LastTime || !_settings.IsOperator(operatorNumber))
            {
                throw new ArgumentException("a clock set behind the journal, or by someone who is not an operator");
            }
            _now = now;
            _lastKey = now;
            _input = "";
            try
            {
                _book.Read(_journal.Append(JournalRecord.ClockSet(now, operatorNumber, clockBefore, JournalRecord.ClockFromKeypad)));
                _journal.Append(JournalRecord.Session(RecordKind.Login, now, operatorNumber));
                _operator = operatorNumber;
                _note = T("Klockan ställd", "Clock set");
                _state = Home;
                Signal = _journal.NearlyFull ? KioskSignal.Warning : KioskSignal.Done;
            }
            catch (JournalFullException)
            {
                // A full journal records nothing more, this included: the screen says to sync it.
                _state = Stopped;
                Signal = KioskSignal.Refused;
            }
            Render();
        }

        /// <summary>Before power goes (low battery, the operator switches off): log out and sign the chain head.</summary>
        public void Shutdown(uint now)
        {
            _now = now;
            try
            {
                if (_operator != 0)
                {
                    LogOut();
                }
                _journal.Checkpoint(now, JournalRecord.CheckpointShutdown);
            }
            catch (JournalFullException)
            {
                _state = Stopped;
            }
            Render();
        }

        private void Handle(char key)
        {
            switch (_state)
            {
                case Locked:
                    OnLocked(key);
                    break;
                case Pin:
                    OnPin(key);
                    break;
                case Home:
                    OnHome(key);
                    break;
                case Card:
                case Neighbour:
                    OnCard(key);
                    break;
                case PickItem:
                    OnPickItem(key);
                    break;
                case Quantity:
                    OnQuantity(key);
                    break;
                case Done:
                    if (key == '#' && (_purpose == ForHandOut || _purpose == ForReturn))
                    {
                        StartCard(_purpose);
                    }
                    else if (key == '#' || key == '*')
                    {
                        _state = Home;
                    }
                    break;
                case Refused:
                    OnRefused(key);
                    break;
                case More:
                    OnMore(key);
                    break;
                case UndoConfirm:
                    OnUndoConfirm(key);
                    break;
                case Status:
                case Stopped:
                    if (key == '*' || key == '#')
                    {
                        _state = _operator != 0 ? Home : Locked;
                    }
                    break;
            }
        }

        private void OnLocked(char key)
        {
            if (key == 'D')
            {
                Language = Language == Swedish ? English : Swedish;
                return;
            }
            if (_login.LockedFor(_now) > 0)
            {
                _input = "";
                _note = T("Låst. Vänta ", "Locked. Wait ") + Minutes(_login.LockedFor(_now)) + " min";
                Signal = KioskSignal.Refused;
                return;
            }
            if (Digits(key, 3))
            {
                return;
            }
            if (key == '#' && _input.Length > 0)
            {
                int number = KeypadText.ParseNumber(_input);
                _input = "";
                if (!_login.Choose(number))
                {
                    _note = T("Okänd operatör", "Unknown operator");
                    Signal = KioskSignal.Refused;
                    return;
                }
                _state = Pin;
            }
        }

        private void OnPin(char key)
        {
            if (Digits(key, KioskSettings.MaxPinDigits))
            {
                return;
            }
            if (key == '*')
            {
                _state = Locked;
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            string pin = _input;
            _input = "";
            int verdict = _login.TryPin(pin, _now);
            if (verdict != OperatorLogin.Accepted)
            {
                Signal = KioskSignal.Refused;
                if (verdict == OperatorLogin.LockedOut)
                {
                    _state = Locked;
                    _note = T("Låst. Vänta ", "Locked. Wait ") + Minutes((uint)_settings.LockoutSeconds) + " min";
                }
                else
                {
                    _note = T("Fel PIN. Försök igen", "Wrong PIN. Try again");
                }
                return;
            }
            if (ClockBehind())
            {
                _state = Locked;
                return;
            }
            _journal.Append(JournalRecord.Session(RecordKind.Login, _now, _login.Pending));
            _operator = _login.Pending;
            _state = Home;
            Signal = _journal.NearlyFull ? KioskSignal.Warning : KioskSignal.Done;
        }

        private void OnHome(char key)
        {
            switch (key)
            {
                case 'A':
                    StartCard(ForHandOut);
                    break;
                case 'B':
                    StartCard(ForReturn);
                    break;
                case 'C':
                    StartItems(ForDelivery);
                    break;
                case 'D':
                    _state = More;
                    break;
                case '*':
                    LogOut();
                    _note = T("Utloggad. Tack!", "Logged out. Thanks!");
                    Signal = KioskSignal.Done;
                    break;
            }
        }

        private void OnMore(char key)
        {
            switch (key)
            {
                case '1':
                    JournalRecord? last = _book.LastMovement;
                    if (last == null || last.Operator != _operator || _now - last.Time > (uint)_settings.UndoWindowSeconds)
                    {
                        _note = T("Inget att ångra", "Nothing to undo");
                        Signal = KioskSignal.Refused;
                        return;
                    }
                    _state = UndoConfirm;
                    break;
                case '2':
                    StartItems(ForCount);
                    break;
                case '3':
                    _state = Status;
                    break;
                case '*':
                    _state = Home;
                    break;
            }
        }

        private void OnUndoConfirm(char key)
        {
            if (key == '*')
            {
                _state = More;
                return;
            }
            if (key != '#')
            {
                return;
            }
            JournalRecord? last = _book.LastMovement;
            if (last == null || _now - last.Time > (uint)_settings.UndoWindowSeconds)
            {
                _state = More;
                _note = T("För sent att ångra", "Too late to undo");
                Signal = KioskSignal.Refused;
                return;
            }
            if (!Commit(JournalRecord.Undo(_now, _operator, last.Sequence)))
            {
                return;
            }
            _purpose = ForDelivery;
            _result = new string[] { T("Ångrat:", "Undone:"), Amount(last.Quantity, last.Item), T("Rättelse sparad", "Correction saved") };
            _state = Done;
        }

        private void StartCard(int purpose)
        {
            _purpose = purpose;
            _household = null;
            _neighbour1 = null;
            _input = "";
            _state = Card;
        }

        private void OnCard(char key)
        {
            if (Digits(key, HouseholdCard.MaxDigits))
            {
                return;
            }
            if (key == '*')
            {
                _state = _state == Neighbour ? Refused : Home;
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            string number = _input;
            _input = "";
            if (!HouseholdCard.IsValid(number))
            {
                _note = T("Fel kortnr. Skriv om", "Bad card no. Retype");
                Signal = KioskSignal.Refused;
                return;
            }
            byte[] pseudonym = _cards.Pseudonym(number);
            if (_state == Neighbour)
            {
                OnNeighbourCard(pseudonym);
                return;
            }
            _household = pseudonym;
            StartItems(_purpose);
        }

        private void OnNeighbourCard(byte[] neighbour)
        {
            if (Bytes.SameBytes(neighbour, _household!) || (_neighbour1 != null && Bytes.SameBytes(neighbour, _neighbour1)))
            {
                _note = T("Annat hushåll krävs", "Needs another home");
                Signal = KioskSignal.Refused;
                return;
            }
            if (!_book.MayVouch(neighbour, _now))
            {
                _note = T("Har intygat nog idag", "Vouched enough today");
                Signal = KioskSignal.Refused;
                return;
            }
            if (_neighbour1 == null)
            {
                _neighbour1 = neighbour;
                _neighbourStep = 2;
                return;
            }
            int verdict = _book.CheckException(_household!, _item, _quantity, _neighbour1, neighbour, _now);
            if (verdict != QuotaVerdict.Allowed)
            {
                Refuse(verdict);
                return;
            }
            if (!Commit(JournalRecord.Exception(_now, _operator, _household!, _item, _quantity, _neighbour1, neighbour)))
            {
                return;
            }
            _result = new string[]
            {
                T("Undantag utdelat:", "Exception given:"),
                Amount(_quantity, _item),
                T("Intygat av 2 grannar", "Vouched by 2 homes"),
            };
            _state = Done;
        }

        private void StartItems(int purpose)
        {
            _purpose = purpose;
            _page = 0;
            _input = "";
            int[] items = Items();
            if (items.Length == 0)
            {
                _state = _operator != 0 ? Home : Locked;
                _note = purpose == ForReturn ? T("Inget lånas ut", "Nothing is lent") : T("Inga regler ännu", "No rules yet");
                Signal = KioskSignal.Refused;
                return;
            }
            if (items.Length == 1 && purpose == ForReturn)
            {
                ChooseItem(items[0]);
                return;
            }
            _state = PickItem;
        }

        private void OnPickItem(char key)
        {
            int[] items = Items();
            if (key == '*')
            {
                _state = _purpose == ForHandOut || _purpose == ForReturn ? Card : _purpose == ForCount ? More : Home;
                return;
            }
            if (key == 'D')
            {
                _page = (_page + 1) * ItemsPerPage < items.Length ? _page + 1 : 0;
                return;
            }
            int choice = key - '1';
            if (choice >= 0 && choice < ItemsPerPage && _page * ItemsPerPage + choice < items.Length)
            {
                ChooseItem(items[_page * ItemsPerPage + choice]);
            }
        }

        private void ChooseItem(int item)
        {
            _item = item;
            _input = _purpose == ForHandOut || _purpose == ForReturn ? "1" : "";
            _state = Quantity;
        }

        private void OnQuantity(char key)
        {
            int maxDigits = _purpose == ForHandOut || _purpose == ForReturn ? 1 : 5;
            if (key >= '0' && key <= '9' && _input == "1" && maxDigits == 1)
            {
                _input = "";
            }
            if (Digits(key, maxDigits))
            {
                return;
            }
            if (key == '*')
            {
                StartItems(_purpose);
                if (_purpose == ForReturn && Items().Length == 1)
                {
                    _state = Card;
                }
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            int amount = KeypadText.ParseNumber(_input);
            _input = "";
            if ((amount < 1 && _purpose != ForCount) || amount > 65535)
            {
                _note = T("Ange ett antal", "Enter a number");
                Signal = KioskSignal.Refused;
                return;
            }
            _quantity = amount;
            switch (_purpose)
            {
                case ForHandOut:
                    HandOut();
                    break;
                case ForReturn:
                    if (!Commit(JournalRecord.Returned(_now, _operator, _household!, _item, amount)))
                    {
                        return;
                    }
                    _result = new string[]
                    {
                        T("Återlämnat:", "Returned:"),
                        Amount(amount, _item),
                        T("Kvar ute: ", "Still out: ") + _book.Out(_household!, _item),
                    };
                    _state = Done;
                    break;
                case ForDelivery:
                    if (!Commit(JournalRecord.StockReceived(_now, _operator, _item, amount)))
                    {
                        return;
                    }
                    _result = new string[] { T("Leverans sparad:", "Delivery saved:"), Amount(amount, _item), T("I lager: ", "In stock: ") + _book.Stock(_item) };
                    _state = Done;
                    break;
                case ForCount:
                    int change = amount - _book.Stock(_item);
                    // A record changes stock by at most an int16; a bigger difference takes several.
                    for (int left = change; left != 0;)
                    {
                        int step = left > 32767 ? 32767 : left < -32768 ? -32768 : left;
                        if (!Commit(JournalRecord.StockCorrection(_now, _operator, _item, step)))
                        {
                            return;
                        }
                        left -= step;
                    }
                    _result = new string[]
                    {
                        change == 0 ? T("Lagret stämmer:", "Stock is right:") : T("Lager rättat:", "Stock corrected:"),
                        ItemName(_item) + " " + amount,
                        change == 0 ? "" : T("Ändring ", "Change ") + (change > 0 ? "+" : "") + change,
                    };
                    _state = Done;
                    break;
            }
        }

        private void HandOut()
        {
            int verdict = _book.CheckHandOut(_household!, _item, _quantity, _now);
            if (verdict != QuotaVerdict.Allowed)
            {
                Refuse(verdict);
                return;
            }
            if (!Commit(JournalRecord.HandOut(_now, _operator, _household!, _item, _quantity)))
            {
                return;
            }
            ItemRule rule = _book.Rules!.Find(_item)!;
            _result = new string[]
            {
                T("Utdelat:", "Handed out:"),
                Amount(_quantity, _item),
                T("Kvar perioden: ", "Left this period: ") + (rule.PerHouseholdPerPeriod - _book.Taken(_household!, _item, _now)),
            };
            _state = Done;
        }

        private void Refuse(int verdict)
        {
            _verdict = verdict;
            _state = Refused;
            Signal = KioskSignal.Refused;
        }

        private void OnRefused(char key)
        {
            if (key == 'A' && ExceptionPossible())
            {
                _neighbour1 = null;
                _neighbourStep = 1;
                _input = "";
                _state = Neighbour;
                return;
            }
            if (key == '*' || key == '#')
            {
                _state = Home;
            }
        }

        private bool ExceptionPossible()
        {
            if (!QuotaVerdict.ExceptionMayHelp(_verdict) || _household == null)
            {
                return false;
            }
            ItemRule? rule = _book.Rules == null ? null : _book.Rules.Find(_item);
            return rule != null && _book.ExceptionsUsed(_household, _item, _now) < rule.ExceptionsPerPeriod;
        }

        /// <summary>Records and books it; false (with the reason on screen) when the clock cannot be trusted.</summary>
        private bool Commit(JournalRecord journalRecord)
        {
            if (ClockBehind())
            {
                return false;
            }
            JournalRecord committed = _journal.Append(journalRecord);
            _book.Read(committed);
            Signal = _journal.NearlyFull ? KioskSignal.Warning : KioskSignal.Done;
            return true;
        }

        // A clock earlier than the journal's last record has lost its time (a flat RTC battery):
        // recording would put hand-outs in the wrong period, so nothing is recorded until it is set.
        private bool ClockBehind()
        {
            if (_now >= _journal.LastTime)
            {
                return false;
            }
            _note = T("Klockan fel: ring tekn", "Clock wrong: call tech");
            Signal = KioskSignal.Refused;
            _state = _operator != 0 ? Home : Locked;
            return true;
        }

        private void LogOut()
        {
            _journal.Append(JournalRecord.Session(RecordKind.Logout, _now, _operator));
            _journal.Checkpoint(_now, JournalRecord.CheckpointRequested);
            _operator = 0;
            _input = "";
            _state = Locked;
        }

        // Adds a digit (or with *, removes one). True when the key was used.
        private bool Digits(char key, int max)
        {
            string? edited = KeypadText.Edited(_input, key, max);
            if (edited == null)
            {
                return false;
            }
            _input = edited;
            return true;
        }

        private int[] Items()
        {
            DistributionRulesBody? rules = _book.Rules;
            if (rules == null)
            {
                return new int[0];
            }
            int count = 0;
            int[] codes = new int[rules.Items.Length];
            for (int i = 0; i < rules.Items.Length; i++)
            {
                if (_purpose != ForReturn || rules.Items[i].MaxOutAtOnce > 0)
                {
                    codes[count++] = rules.Items[i].Code;
                }
            }
            int[] result = new int[count];
            Array.Copy(codes, result, count);
            return result;
        }

        private void Render()
        {
            string[] screen = Screen();
            for (int row = 0; row < Rows; row++)
            {
                string text = row < screen.Length ? screen[row] : "";
                if (row == Rows - 1 && _note.Length > 0)
                {
                    text = _note;
                }
                if (text.Length > Columns)
                {
                    CutLines++;
                    text = text.Substring(0, Columns);
                }
                _lines[row] = Pad(text, Columns);
            }
        }

        private string[] Screen()
        {
            switch (_state)
            {
                case Locked:
                    return new string[]
                    {
                        Fit(T("Station ", "Station ") + _settings.StationId + " " + _settings.StationName),
                        T("Operatör nr, sen #", "Operator no, then #"),
                        "> " + _input,
                        T("D: English", "D: Svenska"),
                    };
                case Pin:
                    return new string[] { T("Operatör ", "Operator ") + _login.Pending, T("PIN-kod, sen #", "PIN, then #"), "> " + Stars(_input.Length), T("*: tillbaka", "*: back") };
                case Home:
                    string top = _journal.NearlyFull
                        ? T("Journal ", "Journal ") + _journal.UsedPercent + T("% full!", "% full!")
                        : T("Op ", "Op ") + _operator + "  " + Clock(_now);
                    return new string[] { top, T("A Dela ut  B Retur", "A Hand out B Return"), T("C Leverans D Mer", "C Delivery D More"), T("*: logga ut", "*: log out") };
                case Card:
                    return new string[]
                    {
                        _purpose == ForHandOut ? T("Dela ut", "Hand out") : T("Retur", "Return"),
                        T("Hushållskort nr:", "Household card no:"),
                        "> " + _input,
                        T("#: OK  *: tillbaka", "#: OK  *: back"),
                    };
                case Neighbour:
                    return new string[]
                    {
                        T("Grannintyg ", "Neighbour ") + _neighbourStep + T(" av 2", " of 2"),
                        T("Grannens kort nr:", "Neighbour card no:"),
                        "> " + _input,
                        T("#: OK  *: avbryt", "#: OK  *: cancel"),
                    };
                case PickItem:
                    return ItemScreen();
                case Quantity:
                    return new string[]
                    {
                        Fit(ItemName(_item)),
                        _purpose == ForCount ? T("Räknat i lager:", "Counted in stock:") : T("Antal:", "Quantity:"),
                        "> " + _input,
                        T("#: OK  *: tillbaka", "#: OK  *: back"),
                    };
                case Done:
                    return new string[]
                    {
                        _result.Length > 0 ? _result[0] : "",
                        _result.Length > 1 ? _result[1] : "",
                        _result.Length > 2 ? _result[2] : "",
                        _purpose == ForHandOut || _purpose == ForReturn ? T("#: nästa  *: meny", "#: next  *: menu") : T("#: meny", "#: menu"),
                    };
                case Refused:
                    return RefusedScreen();
                case More:
                    return new string[] { T("1 Ångra senaste", "1 Undo last"), T("2 Räkna lager", "2 Count stock"), T("3 Status", "3 Status"), T("*: tillbaka", "*: back") };
                case UndoConfirm:
                    JournalRecord? last = _book.LastMovement;
                    return new string[]
                    {
                        T("Ångra ", "Undo ") + (last == null ? "" : RecordName(last.Kind)) + "?",
                        last == null ? "" : Amount(last.Quantity, last.Item),
                        last == null ? "" : T("kl ", "at ") + Clock(last.Time),
                        T("#: ja  *: nej", "#: yes  *: no"),
                    };
                case Status:
                    return StatusScreen();
                default:
                    return new string[] { T("Journalen är full!", "The journal is full!"), T("Synka till ledger", "Sync to the ledger"), T("eller ring tekniker", "or call technician"), T("*: tillbaka", "*: back") };
            }
        }

        private string[] ItemScreen()
        {
            int[] items = Items();
            int pages = (items.Length + ItemsPerPage - 1) / ItemsPerPage;
            string[] screen = new string[Rows];
            screen[0] = T("Välj vara", "Pick item") + (pages > 1 ? T("  D: fler", "  D: more") : "");
            for (int i = 0; i < ItemsPerPage; i++)
            {
                int index = _page * ItemsPerPage + i;
                if (index >= items.Length)
                {
                    screen[i + 1] = "";
                    continue;
                }
                string entry = (i + 1) + " " + ItemName(items[index]);
                string count = "";
                if (_purpose == ForHandOut && _household != null)
                {
                    ItemRule rule = _book.Rules!.Find(items[index])!;
                    count = _book.Taken(_household, items[index], _now) + "/" + rule.PerHouseholdPerPeriod;
                }
                else if (_purpose == ForReturn && _household != null)
                {
                    count = T("ute ", "out ") + _book.Out(_household, items[index]);
                }
                else if (_purpose == ForDelivery || _purpose == ForCount)
                {
                    count = "" + _book.Stock(items[index]);
                }
                screen[i + 1] = Columns - count.Length - 1 >= entry.Length
                    ? Pad(entry, Columns - count.Length) + count
                    : entry.Substring(0, Columns - count.Length - 1) + " " + count;
            }
            return screen;
        }

        private string[] RefusedScreen()
        {
            ItemRule? rule = _book.Rules == null ? null : _book.Rules.Find(_item);
            string name = ItemName(_item);
            string what;
            string detail;
            switch (_verdict)
            {
                case QuotaVerdict.OverQuota:
                    what = T("Kvoten är nådd:", "Quota reached:");
                    detail = rule == null ? name : Fit(name + " " + _book.Taken(_household!, _item, _now) + "/" + rule.PerHouseholdPerPeriod);
                    break;
                case QuotaVerdict.TooManyOut:
                    what = T("Lämna tillbaka först", "Return one first:");
                    detail = Fit(name + T(" ute ", " out ") + _book.Out(_household!, _item));
                    break;
                case QuotaVerdict.OutOfStock:
                    what = T("Slut i lager:", "Out of stock:");
                    detail = T("Spara leverans (C)", "Save delivery (C)");
                    break;
                case QuotaVerdict.RulesExpired:
                    what = T("Reglerna har gått ut", "The rules expired");
                    detail = T("Vänta nya från rådet", "Await council rules");
                    break;
                case QuotaVerdict.RulesNotYetValid:
                    what = T("Regler ej giltiga än", "Rules not valid yet");
                    detail = T("Kolla klockan", "Check the clock");
                    break;
                case QuotaVerdict.NoExceptionsLeft:
                    what = T("Inga undantag kvar", "No exceptions left");
                    detail = T("denna period", "this period");
                    break;
                case QuotaVerdict.NeighbourVouchedTooOften:
                    what = T("Grannen har intygat", "Neighbour vouched");
                    detail = T("nog idag", "enough today");
                    break;
                case QuotaVerdict.SameHousehold:
                    what = T("Samma hushåll", "Same household");
                    detail = T("Annan granne krävs", "Needs another home");
                    break;
                default:
                    what = T("Ej i rådets regler", "Not in council rules");
                    detail = name;
                    break;
            }
            string hint = ExceptionPossible() ? T("A: grannintyg", "A: neighbours vouch") : "";
            return new string[] { what, detail, hint, T("*: avbryt", "*: cancel") };
        }

        private string[] StatusScreen()
        {
            int[] items = Items();
            string stock = T("Lager", "Stock");
            for (int i = 0; i < items.Length && i < 3; i++)
            {
                stock += " " + ItemName(items[i]).Substring(0, 1) + _book.Stock(items[i]);
            }
            return new string[]
            {
                Fit(stock),
                T("Hushåll: ", "Households: ") + _book.HouseholdsServed,
                T("Journal ", "Journal ") + _journal.UsedPercent + "% " + _journal.Records,
                T("*: tillbaka", "*: back"),
            };
        }

        private string Amount(int quantity, int item)
        {
            return Fit(quantity + " x " + ItemName(item));
        }

        private string RecordName(int kind)
        {
            switch (kind)
            {
                case RecordKind.Returned:
                    return T("retur", "return");
                case RecordKind.Exception:
                    return T("undantag", "exception");
                default:
                    return T("utdelning", "hand-out");
            }
        }

        public string ItemName(int item)
        {
            switch (item)
            {
                case ItemRule.BatteryPack:
                    return T("Batteripaket", "Battery pack");
                case ItemRule.FoodParcel:
                    return T("Matpaket", "Food parcel");
                case ItemRule.Water:
                    return T("Vatten", "Water");
                default:
                    ItemRule? rule = _book.Rules == null ? null : _book.Rules.Find(item);
                    return rule != null && rule.Name != null ? rule.Name : T("Vara ", "Item ") + item;
            }
        }

        private string Clock(uint time)
        {
            long local = (long)time + _settings.UtcOffsetMinutes * 60L;
            if (local < 0)
            {
                local = 0;
            }
            int minutes = (int)(local / 60 % (24 * 60));
            return Two(minutes / 60) + ":" + Two(minutes % 60);
        }

        private static string Two(int n)
        {
            return n < 10 ? "0" + n : "" + n;
        }

        private static string Minutes(uint seconds)
        {
            return "" + ((seconds + 59) / 60);
        }

        private static string Pad(string text, int width)
        {
            return text.Length >= width ? text : text + new string(' ', width - text.Length);
        }

        private static string Stars(int count)
        {
            return new string('*', count);
        }

        // For text whose length the kiosk cannot know (names): cut on purpose, not counted.
        private static string Fit(string text)
        {
            return text.Length > Columns ? text.Substring(0, Columns) : text;
        }

        private string T(string swedish, string english)
        {
            return Language == Swedish ? swedish : english;
        }

    }
}
