// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/HttpMessageHandler.cs.
// Declared: the type only, as the parameter type of HttpMessageInvoker's constructor (HttpClient's base).
// Upstream: public abstract class HttpMessageHandler : IDisposable, no explicit constructor (so the implicit
// protected one), protected internal abstract Send(HttpRequestMessage), Dispose(), protected virtual Dispose(bool).
namespace System.Net.Http
{
    public abstract class HttpMessageHandler
    {
    }
}
