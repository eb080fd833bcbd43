// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/HttpMessageInvoker.cs.
// Declared: Dispose() (HttpClient's, the kiosk calls it) and the constructor HttpClient chains to,
// HttpMessageInvoker(HttpMessageHandler handler, bool disposeHandler), so no parameterless constructor
// exists that upstream lacks. Upstream also implements IDisposable (the kiosk never uses HttpClient through it)
// and has HttpMessageInvoker(HttpMessageHandler), virtual Send(HttpRequestMessage), protected virtual Dispose(bool).
namespace System.Net.Http
{
    public class HttpMessageInvoker
    {
        public HttpMessageInvoker(HttpMessageHandler handler, bool disposeHandler)
        {
        }

        public void Dispose()
        {
        }
    }
}
