using System.Security.Cryptography;
using System.Text;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// Name-based GUIDs (RFC 4122 version 5, SHA-1) in a namespace of our own: the same component name gives the same id
/// in every build, so an upgrade finds the components the previous version installed.
/// </summary>
public static class StableGuid
{
    /// <summary>The namespace of every Voice for D365 component id (a fixed random GUID; never change it).</summary>
    public static readonly Guid Namespace = new("3c8f0a52-6d3b-4e0e-9a57-1f2d5b7c9e41");

    /// <summary>The id of the component of the given kind and name, e.g. <c>For("role", "Voice User")</c>.</summary>
    public static Guid For(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Create(Namespace, kind + "/" + name);
    }

    /// <summary>RFC 4122 section 4.3: SHA-1 over the namespace (network byte order) and the UTF-8 name.</summary>
    public static Guid Create(Guid ns, string name)
    {
        Span<byte> input = stackalloc byte[16];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. input, .. nameBytes]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
