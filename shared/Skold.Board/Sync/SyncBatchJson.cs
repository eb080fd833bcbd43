namespace Skold.Board.Sync
{
    /// <summary>The body of POST /sync/&lt;station&gt; (docs/formats/sync.md): {"station": n, "records": ["base64 body", ...]}.</summary>
    public static class SyncBatchJson
    {
        public static string Encode(int station, byte[][] bodies, int from, int count)
        {
            string head = "{\"station\":" + station + ",\"records\":[";
            int length = head.Length + 2;
            for (int i = from; i < from + count; i++)
            {
                length += Base64.EncodedLength(bodies[i].Length) + 2 + (i > from ? 1 : 0);
            }
            char[] text = new char[length];
            int at = 0;
            for (int i = 0; i < head.Length; i++)
            {
                text[at++] = head[i];
            }
            for (int i = from; i < from + count; i++)
            {
                if (i > from)
                {
                    text[at++] = ',';
                }
                text[at++] = '"';
                at = Base64.Encode(bodies[i], 0, bodies[i].Length, text, at);
                text[at++] = '"';
            }
            text[at++] = ']';
            text[at++] = '}';
            return new string(text, 0, at);
        }
    }
}
