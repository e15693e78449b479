using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace VoiceForD365.RoutingService;

/// <summary>
/// The API keys one endpoint accepts (several, so a key can be rotated: add the new one, give it to the caller, remove
/// the old one). Only their SHA-256 hashes are kept. A presented key is hashed and compared with every key's hash in
/// constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>), all of them, so the time taken says
/// nothing about which key, or how much of one, matched.
/// </summary>
public sealed class ApiKeyRing
{
    /// <summary>Shorter keys are refused: a key is a secret a caller can't guess.</summary>
    public const int MinimumLength = 16;

    private readonly byte[][] _hashes;

    private ApiKeyRing(byte[][] hashes) => _hashes = hashes;

    public static ApiKeyRing None { get; } = new([]);

    /// <summary>How many keys are accepted (0: the endpoint refuses every request).</summary>
    public int Count => _hashes.Length;

    /// <exception cref="ArgumentException">A key is shorter than <see cref="MinimumLength"/> or holds a space (the message says which, by position, never the key).</exception>
    public static ApiKeyRing Of(IEnumerable<string> keys, string source)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var hashes = new List<byte[]>();
        var position = 0;
        foreach (var key in keys)
        {
            position++;
            if (key.Length < MinimumLength || key.Any(char.IsWhiteSpace))
                throw new ArgumentException($"Key {position} of {source} is shorter than {MinimumLength} characters or holds a space: use a long random key (e.g. openssl rand -hex 32).");
            hashes.Add(Hash(key));
        }
        return new ApiKeyRing(hashes.ToArray());
    }

    /// <summary>Whether <paramref name="presented"/> is one of the keys.</summary>
    public bool Matches(string? presented)
    {
        if (presented is null || _hashes.Length == 0) return false;
        var hash = Hash(presented);
        var match = false;
        foreach (var known in _hashes) match |= CryptographicOperations.FixedTimeEquals(hash, known);
        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
