// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/System.Uri.cs.
// Declared: the Uri(string uriString) constructor the kiosk uses (HttpClient.BaseAddress). Upstream also has
// UriKind, UriHostNameType, the Uri(string, UriKind) and Uri(Uri, string) constructors and the usual properties.
namespace System
{
    public class Uri
    {
        public Uri(string uriString)
        {
        }
    }
}
