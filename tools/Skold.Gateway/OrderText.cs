using System.Text;

namespace Skold.Gateway;

/// <summary>An order as handed over: its binary encoding, or the text form "skold-order:" + base64url (docs/formats/order.md).</summary>
public static class OrderText
{
    public const string Prefix = "skold-order:";

    /// <summary>The order's bytes; text that starts with the prefix is decoded, anything else is taken as binary.</summary>
    public static byte[] Unwrap(byte[] data)
    {
        string head = Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, Prefix.Length + 8)).TrimStart();
        if (!head.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return data;
        }
        string body = Encoding.ASCII.GetString(data).Trim()[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        body += new string('=', (4 - body.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            // Handed to the policy check as it is: it is refused there as malformed, with a reason.
            return data;
        }
    }
}
