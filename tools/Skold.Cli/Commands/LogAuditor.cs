using Skold.Ledger.Log;
using Skold.Transparency;

namespace Skold.Cli.Commands;

/// <summary>The steps of `skold ledger verify`, each printed as it passes or fails.</summary>
internal sealed class LogAuditor(HttpClient http, TextWriter output)
{
    public bool Run(string? savedPath, string? pinnedKey)
    {
        string? savedFile = savedPath is not null && File.Exists(savedPath) ? File.ReadAllText(savedPath) : null;
        string? saved = savedFile is null ? null : savedFile[(savedFile.IndexOf('\n') + 1)..];
        string servedKey = Get("log-key").Trim();
        string verifierKey = pinnedKey ?? SavedKey(savedFile) ?? servedKey;
        if (verifierKey != servedKey)
        {
            output.WriteLine($"FAIL: the ledger now serves the key {servedKey}, not the trusted {verifierKey}");
            return false;
        }
        string note = Get("checkpoint");
        LogCheckpoint current;
        try
        {
            current = LedgerSigner.VerifyCheckpoint(note, verifierKey);
        }
        catch (FormatException e)
        {
            output.WriteLine("FAIL: the checkpoint does not verify: " + e.Message);
            return false;
        }
        output.WriteLine($"checkpoint: {current.Origin}, {current.Size} entries, signed by {verifierKey.Split('+')[0]}: signature OK");

        byte[] recomputed = TileRootCalculator.RootFromEntryBundles(current.Size, tile => GetBytes(tile.ToPath()));
        if (!recomputed.AsSpan().SequenceEqual(current.Root))
        {
            output.WriteLine("FAIL: the entries the ledger serves do not hash to the root it signed");
            return false;
        }
        output.WriteLine($"entries: all {current.Size} downloaded and hashed: the root matches");

        if (saved is not null)
        {
            LogCheckpoint earlier;
            try
            {
                earlier = LedgerSigner.VerifyCheckpoint(saved, verifierKey);
            }
            catch (FormatException e)
            {
                output.WriteLine("FAIL: the saved checkpoint does not verify: " + e.Message);
                return false;
            }
            if (earlier.Size > current.Size)
            {
                output.WriteLine($"FAIL: the log shrank from {earlier.Size} to {current.Size} entries: history was rewritten");
                return false;
            }
            if (earlier.Size == current.Size ? !earlier.Root.AsSpan().SequenceEqual(current.Root) : !Consistent(earlier, current))
            {
                output.WriteLine($"FAIL: the log of {current.Size} entries does not extend the saved one of {earlier.Size}: history was rewritten");
                return false;
            }
            output.WriteLine($"history: consistent with the saved checkpoint of {earlier.Size} entries (the log only grew)");
        }
        if (savedPath is not null)
        {
            File.WriteAllText(savedPath, verifierKey + "\n" + note);
            output.WriteLine($"saved the new checkpoint in {savedPath}");
        }
        output.WriteLine("all checks passed");
        return true;
    }

    /// <summary>
    /// Asks the ledger for every entry's inclusion proof in its signed tree and checks each
    /// against the entry's own hash and the signed root: what a citizen does for the entries they care about.
    /// </summary>
    public (long Checked, long Failed) CheckEveryInclusionProof(string verifierKey)
    {
        LogCheckpoint current = LedgerSigner.VerifyCheckpoint(Get("checkpoint"), verifierKey);
        long index = 0;
        long failed = 0;
        foreach (TileId bundle in TileId.EntryBundlesForTreeSize(current.Size))
        {
            foreach (byte[] entry in EntryBundle.Decode(GetBytes(bundle.ToPath()), bundle.Width))
            {
                string json = Get($"proof/inclusion?index={index}&size={current.Size}");
                List<byte[]> proof = System.Text.Json.JsonSerializer.Deserialize(json, Skold.Ledger.LedgerJsonContext.Default.ProofResponse)!.Proof.Select(Convert.FromBase64String).ToList();
                if (!MerkleProofVerifier.VerifyInclusion(MerkleHash.Leaf(entry), index, current.Size, proof, current.Root))
                {
                    output.WriteLine($"FAIL: entry {index}'s inclusion proof does not lead to the signed root");
                    failed++;
                }
                index++;
            }
        }
        return (index, failed);
    }

    private bool Consistent(LogCheckpoint earlier, LogCheckpoint current)
    {
        if (earlier.Size == 0)
        {
            return true;
        }
        string json = Get($"proof/consistency?from={earlier.Size}&to={current.Size}");
        List<byte[]> proof = System.Text.Json.JsonSerializer.Deserialize(json, Skold.Ledger.LedgerJsonContext.Default.ProofResponse)!.Proof.Select(Convert.FromBase64String).ToList();
        return MerkleProofVerifier.VerifyConsistency(earlier.Size, current.Size, earlier.Root, current.Root, proof);
    }

    // The saved file is the trusted key on its first line, then the signed note.
    private static string? SavedKey(string? savedFile) => savedFile?.Split('\n')[0].Trim() is { Length: > 0 } key ? key : null;

    private string Get(string path) => http.GetStringAsync(path).GetAwaiter().GetResult();

    private byte[] GetBytes(string path) => http.GetByteArrayAsync(path).GetAwaiter().GetResult();
}
