// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.Net.Http.Client 1.5.209 (HttpClient: BaseAddress, Timeout, Get, Post;
// HttpResponseMessage: StatusCode, Content, Dispose; HttpContent.ReadAsString; StringContent(string,
// Encoding, string); System.Uri), nanoFramework.System.Text 1.3.42 (Encoding.UTF8),
// CoreLibrary 1.17.11 (TimeSpan.FromSeconds).
using System;
using System.Net.Http;
using System.Text;
using Skold.Board.Sync;

namespace Skold.Kiosk.Board
{
    /// <summary>The ledger over HTTP from the ESP32: the transport under Skold.Board.Sync.LedgerSync, nothing more.</summary>
    public sealed class HttpLedger : ILedgerHttp, IDisposable
    {
        private readonly HttpClient _http = new HttpClient();

        public HttpLedger(string ledgerUrl)
        {
            _http.BaseAddress = new Uri(ledgerUrl.EndsWith("/") ? ledgerUrl : ledgerUrl + "/");
            _http.Timeout = TimeSpan.FromSeconds(60);
        }

        public int Get(string path, out string body)
        {
            using (HttpResponseMessage response = _http.Get(path))
            {
                body = response.Content.ReadAsString();
                return (int)response.StatusCode;
            }
        }

        public int PostJson(string path, string json, out string body)
        {
            using (StringContent content = new StringContent(json, Encoding.UTF8, "application/json"))
            {
                using (HttpResponseMessage response = _http.Post(path, content))
                {
                    body = response.Content.ReadAsString();
                    return (int)response.StatusCode;
                }
            }
        }

        public void Dispose()
        {
            _http.Dispose();
        }
    }
}
