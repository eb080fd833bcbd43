// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/System.Net.HttpStatusCode.cs.
// Declared: the type only (namespace System.Net). The kiosk reads HttpResponseMessage.StatusCode cast to int
// and names no member; upstream has the HTTP codes from Continue = 100 to HttpVersionNotSupported = 505.
namespace System.Net
{
    public enum HttpStatusCode
    {
    }
}
