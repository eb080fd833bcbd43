namespace Skold.Board.Sync
{
    /// <summary>
    /// HTTP to the ledger (the board: nanoFramework's HttpClient over Wi-Fi; tests: the real
    /// ledger in-process). Paths are relative to the ledger URL, e.g. "sync/3". Returns the HTTP
    /// status code and the body text; a network failure throws.
    /// </summary>
    public interface ILedgerHttp
    {
        int Get(string path, out string body);

        int PostJson(string path, string json, out string body);
    }
}
