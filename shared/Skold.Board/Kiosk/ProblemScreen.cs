namespace Skold.Board.Kiosk
{
    /// <summary>
    /// A reason the kiosk will not work, fitted to the 20x4 screen: a title on the first row,
    /// the reason word-wrapped on the other three (cut with "..." when longer; the serial log
    /// has it whole).
    /// </summary>
    public static class ProblemScreen
    {
        public const int Columns = 20;
        public const int Rows = 4;

        public static string[] Lines(string title, string reason)
        {
            string[] lines = new string[Rows];
            lines[0] = Cut(title);
            string[] wrapped = Wrap(reason == null ? "" : reason, Rows - 1);
            for (int i = 0; i < Rows - 1; i++)
            {
                lines[i + 1] = wrapped[i];
            }
            return lines;
        }

        /// <summary>Word-wraps text to rows of Columns; a word longer than a row is split; overflow ends in "...".</summary>
        public static string[] Wrap(string text, int rows)
        {
            string[] lines = new string[rows];
            for (int i = 0; i < rows; i++)
            {
                lines[i] = "";
            }
            int row = 0;
            int at = 0;
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }
            while (at < text.Length)
            {
                if (row == rows)
                {
                    string last = lines[rows - 1];
                    lines[rows - 1] = (last.Length > Columns - 3 ? last.Substring(0, Columns - 3) : last) + "...";
                    return lines;
                }
                int end = text.IndexOf(' ', at);
                if (end < 0)
                {
                    end = text.Length;
                }
                string word = text.Substring(at, end - at);
                string line = lines[row];
                if (word.Length > Columns)
                {
                    int room = line.Length == 0 ? Columns : Columns - line.Length - 1;
                    if (room <= 0)
                    {
                        row++;
                        continue;
                    }
                    lines[row] = line.Length == 0 ? word.Substring(0, room) : line + " " + word.Substring(0, room);
                    at += room;
                    row++;
                    continue;
                }
                if (line.Length == 0)
                {
                    lines[row] = word;
                }
                else if (line.Length + 1 + word.Length <= Columns)
                {
                    lines[row] = line + " " + word;
                }
                else
                {
                    row++;
                    continue;
                }
                at = end;
                while (at < text.Length && text[at] == ' ')
                {
                    at++;
                }
            }
            return lines;
        }

        private static string Cut(string text)
        {
            if (text == null)
            {
                return "";
            }
            return text.Length > Columns ? text.Substring(0, Columns) : text;
        }
    }
}
