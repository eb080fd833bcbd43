using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Skold.Council;
using Skold.Ledger.Checks;
using Skold.Ledger.Database;

namespace Skold.Ledger.Web;

/// <summary>
/// The page a citizen reads: what went where (per station, day and item), battery packs still
/// out, the acute reserve released and for what, the latest signed checkpoint and how to check
/// it. Small counts are suppressed so no household stands out. Plain HTML; works offline.
/// </summary>
public static class PublicPage
{
    public static string Render(LedgerDatabase database, CouncilRegistry registry, string checkpoint, string verifierKey, CheckReport checks, int suppressBelow)
    {
        using DbConnection connection = database.Connect();
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>").Append(E(registry.CouncilName)).Append(": public ledger</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #999;padding:.2em .5em;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}")
            .Append("pre{background:#f4f4f4;padding:.5em;overflow-x:auto}</style></head><body>");
        html.Append("<h1>").Append(E(registry.CouncilName)).Append(": where the aid went</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Every hand-out at every station, as the stations' signed journals recorded it. Counts under {suppressBelow} are shown as &lt;{suppressBelow} so no household stands out.</p>");

        html.Append("<h2>Hand-outs per station, day and item</h2><table id=\"totals\"><tr><th>station</th><th>day (UTC)</th><th>item</th><th>handed out</th></tr>");
        using (DbCommand command = LedgerDatabase.Command(connection, null,
            "SELECT r.station, r.time / 86400, r.item, SUM(r.quantity) FROM records r WHERE r.kind IN (5, 7) AND " +
            CrossStationChecks.NotUndone + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long day = LedgerDatabase.Number(reader, 1);
                string date = DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds((uint)(day * 86400))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{LedgerDatabase.Number(reader, 0)}</td><td>{date}</td><td>{E(ItemRule.StandardName((int)LedgerDatabase.Number(reader, 2)))}</td><td>{Count(LedgerDatabase.Number(reader, 3), suppressBelow)}</td></tr>");
            }
        }
        html.Append("</table>");

        html.Append("<h2>Battery packs out</h2><table id=\"loans\"><tr><th>item</th><th>not yet returned</th></tr>");
        foreach (IGrouping<int, OutstandingLoan> item in checks.NotReturned.GroupBy(l => l.Item).OrderBy(g => g.Key))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(ItemRule.StandardName(item.Key))}</td><td>{Count(item.Sum(l => l.Outstanding), suppressBelow)}</td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Acute reserve</h2><table id=\"reserve\"><tr><th>purpose</th><th>released (SEK)</th><th>spend by</th><th>order</th></tr>");
        long released = 0;
        using (DbCommand command = LedgerDatabase.Command(connection, null, "SELECT encoded FROM orders WHERE kind = @k ORDER BY sequence", ("@k", OrderKind.ReserveActivation)))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Order order = Order.Decode((byte[])reader.GetValue(0));
                var body = (ReserveActivationBody)order.Body;
                released += body.AmountSek;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(body.Purpose)}</td><td>{body.AmountSek:N0}</td><td>{Date(body.SpendBy)}</td><td>#{order.Sequence}</td></tr>");
            }
        }
        html.Append(CultureInfo.InvariantCulture, $"</table><p id=\"fund\">Released {released:N0} SEK of the {registry.FundSek:N0} SEK resilience fund.</p>");

        html.Append("<h2>Checks</h2><ul id=\"checks\">");
        html.Append(CultureInfo.InvariantCulture, $"<li>Households over their quota across stations: {checks.OverQuota.Count}</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>Neighbour-verified exceptions drawn for audit: {checks.AuditSample.Count} (5%, drawn from the root hash below)</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>Kiosks that offered a different record for one already held (cloned or tampered): {checks.Conflicts.Select(c => c.Station).Distinct().Count()}</li>");
        html.Append("</ul><p>Details: <a href=\"/checks\">/checks</a> (JSON).</p>");

        html.Append("<h2>Check it yourself</h2><p>The log's latest signed checkpoint (C2SP signed note):</p><pre id=\"checkpoint\">").Append(E(checkpoint)).Append("</pre>");
        html.Append("<p>The ledger's key: <code id=\"log-key\">").Append(E(verifierKey)).Append("</code></p>");
        html.Append("<p>With the Skold tools: <code>skold ledger verify --url &lt;this address&gt; --checkpoint saved.txt</code> downloads the whole log, ")
            .Append("recomputes the tree, checks the signature, and proves the log only grew since the checkpoint you saved last time. ")
            .Append("The log is served as C2SP tlog-tiles, so other transparency-log clients and witnesses read it too.</p>");
        html.Append("<p><button id=\"verify\">Check the newest entry in this browser</button> <span id=\"verdict\"></span></p>");
        html.Append("<script>").Append(BrowserCheck).Append("</script></body></html>");
        return html.ToString();
    }

    // Recomputes the newest entry's inclusion in the checkpointed root with WebCrypto (RFC 9162 2.1.3.2).
    private const string BrowserCheck = """
        document.getElementById('verify').onclick = async () => {
          const out = document.getElementById('verdict');
          try {
            const lines = (await (await fetch('/checkpoint')).text()).split('\n');
            const size = Number(lines[1]);
            const root = Uint8Array.from(atob(lines[2]), c => c.charCodeAt(0));
            const index = size - 1;
            const tile = Math.floor(index / 256), width = size - tile * 256;
            let path = 'tile/entries/' + tilePath(tile) + (width < 256 ? '.p/' + width : '');
            const bundle = new Uint8Array(await (await fetch('/' + path)).arrayBuffer());
            let at = 0, entry = null;
            for (let i = 0; i < width; i++) { const n = bundle[at] * 256 + bundle[at + 1]; if (i === index % 256) entry = bundle.slice(at + 2, at + 2 + n); at += 2 + n; }
            const proof = (await (await fetch(`/proof/inclusion?index=${index}&size=${size}`)).json()).proof.map(p => Uint8Array.from(atob(p), c => c.charCodeAt(0)));
            let r = await h(new Uint8Array([0, ...entry]));
            let fn = index, sn = size - 1;
            for (const p of proof) {
              if (sn === 0) throw new Error('proof too long');
              if (fn % 2 === 1 || fn === sn) {
                r = await h(new Uint8Array([1, ...p, ...r]));
                if (fn % 2 === 0) { while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
              } else { r = await h(new Uint8Array([1, ...r, ...p])); }
              fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
            }
            const ok = sn === 0 && r.every((b, i) => b === root[i]);
            out.textContent = ok ? `verified: entry ${index} is in the log of ${size} entries` : 'MISMATCH: the proof does not lead to the signed root';
          } catch (e) { out.textContent = 'could not check: ' + e.message; }
        };
        async function h(bytes) { return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)); }
        function tilePath(n) { let s = String(n % 1000).padStart(3, '0'); n = Math.floor(n / 1000); while (n > 0) { s = 'x' + String(n % 1000).padStart(3, '0') + '/' + s; n = Math.floor(n / 1000); } return s; }
        """;

    private static string Count(long value, int suppressBelow) =>
        value < suppressBelow ? "&lt;" + suppressBelow : value.ToString("N0", CultureInfo.InvariantCulture);


    private static string Date(uint time) =>
        DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    // Swedish letters stay as they are; markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Html.Encode(text);
}
