using Skold.Codec;

namespace Skold.Board.Sync
{
    /// <summary>Reads JSON tokens from a string: just enough for the ledger's flat replies.</summary>
    internal sealed class JsonCursor
    {
        private const int MaxDepth = 8;

        private readonly string _text;
        private int _at;

        public JsonCursor(string text)
        {
            _text = text;
        }

        public void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Bad("expected '" + c + "'");
            }
        }

        public bool TryTake(char c)
        {
            SkipSpace();
            if (_at < _text.Length && _text[_at] == c)
            {
                _at++;
                return true;
            }
            return false;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_at != _text.Length)
            {
                throw Bad("text after the object");
            }
        }

        public string ReadString()
        {
            Expect('"');
            char[] buffer = new char[_text.Length - _at];
            int length = 0;
            while (true)
            {
                if (_at >= _text.Length)
                {
                    throw Bad("unterminated string");
                }
                char c = _text[_at++];
                if (c == '"')
                {
                    return new string(buffer, 0, length);
                }
                if (c < ' ')
                {
                    throw Bad("control character in a string");
                }
                if (c != '\\')
                {
                    buffer[length++] = c;
                    continue;
                }
                if (_at >= _text.Length)
                {
                    throw Bad("unterminated escape");
                }
                char e = _text[_at++];
                switch (e)
                {
                    case '"':
                    case '\\':
                    case '/':
                        buffer[length++] = e;
                        break;
                    case 'b':
                        buffer[length++] = '\b';
                        break;
                    case 'f':
                        buffer[length++] = '\f';
                        break;
                    case 'n':
                        buffer[length++] = '\n';
                        break;
                    case 'r':
                        buffer[length++] = '\r';
                        break;
                    case 't':
                        buffer[length++] = '\t';
                        break;
                    case 'u':
                        buffer[length++] = (char)Hex4();
                        break;
                    default:
                        throw Bad("unknown escape \\" + e);
                }
            }
        }

        public long ReadNumber(long min, long max)
        {
            SkipSpace();
            bool negative = _at < _text.Length && _text[_at] == '-';
            if (negative)
            {
                _at++;
            }
            int start = _at;
            long value = 0;
            while (_at < _text.Length && _text[_at] >= '0' && _text[_at] <= '9')
            {
                if (_at - start >= 18)
                {
                    throw Bad("number too long");
                }
                value = value * 10 + (_text[_at] - '0');
                _at++;
            }
            if (_at == start)
            {
                throw Bad("expected a number");
            }
            if (_at < _text.Length && (_text[_at] == '.' || _text[_at] == 'e' || _text[_at] == 'E'))
            {
                throw Bad("expected a whole number");
            }
            if (negative)
            {
                value = -value;
            }
            if (value < min || value > max)
            {
                throw Bad("number " + value + " out of range");
            }
            return value;
        }

        /// <summary>Skips a value of any kind (a field a newer ledger added).</summary>
        public void SkipValue()
        {
            SkipValue(0);
        }

        private void SkipValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Bad("nested too deep");
            }
            SkipSpace();
            if (_at >= _text.Length)
            {
                throw Bad("expected a value");
            }
            char c = _text[_at];
            if (c == '"')
            {
                ReadString();
            }
            else if (c == '{' || c == '[')
            {
                char close = c == '{' ? '}' : ']';
                _at++;
                if (TryTake(close))
                {
                    return;
                }
                do
                {
                    if (c == '{')
                    {
                        ReadString();
                        Expect(':');
                    }
                    SkipValue(depth + 1);
                }
                while (TryTake(','));
                Expect(close);
            }
            else if (Word("true") || Word("false") || Word("null"))
            {
                return;
            }
            else
            {
                ReadNumber(long.MinValue + 1, long.MaxValue);
            }
        }

        private bool Word(string word)
        {
            if (_at + word.Length <= _text.Length && _text.Substring(_at, word.Length) == word)
            {
                _at += word.Length;
                return true;
            }
            return false;
        }

        private int Hex4()
        {
            if (_at + 4 > _text.Length)
            {
                throw Bad("short \\u escape");
            }
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char h = _text[_at++];
                int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (digit < 0)
                {
                    throw Bad("bad \\u escape");
                }
                value = value * 16 + digit;
            }
            return value;
        }

        private void SkipSpace()
        {
            while (_at < _text.Length && (_text[_at] == ' ' || _text[_at] == '\t' || _text[_at] == '\n' || _text[_at] == '\r'))
            {
                _at++;
            }
        }

        private MalformedDataException Bad(string what)
        {
            return new MalformedDataException("sync reply: " + what + " at character " + _at);
        }
    }
}
