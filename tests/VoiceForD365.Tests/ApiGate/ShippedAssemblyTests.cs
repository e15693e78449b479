using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Xunit;

namespace VoiceForD365.Tests.ApiGate;

/// <summary>
/// The gate between our code and Dataverse (spec C4): what we ship for .NET Framework 4.6.2 uses only SDK members that
/// exist in the real SDK, is strong-named, binds to Microsoft's assembly identities and never carries our reference
/// assemblies; and those reference assemblies expose nothing the real SDK lacks, with the same signatures.
/// </summary>
[Collection(ApiGateCollection.Name)]
public sealed class ShippedAssemblyTests
{
    /// <summary>Every assembly Dataverse or PackageDeployer.exe loads (Workflows and PackageDeployer join when they exist).</summary>
    public static readonly string[] ShippedProjects =
    {
        "Plugins/VoiceForD365.Plugins.csproj",
        "Workflows/VoiceForD365.Workflows.csproj",
        "PackageDeployer/VoiceForD365.PackageDeployer.csproj",
    };

    /// <summary>Our reference assemblies and the listing of the real assembly each stands in for.</summary>
    public static readonly (string Project, string Listing)[] ReferenceAssemblies =
    {
        ("Sdk/Microsoft.Xrm.Sdk/Microsoft.Xrm.Sdk.csproj", "Microsoft.Xrm.Sdk.txt"),
        ("Sdk/Microsoft.Xrm.Sdk.Workflow/Microsoft.Xrm.Sdk.Workflow.csproj", "Microsoft.Xrm.Sdk.Workflow.txt"),
        ("Sdk/Microsoft.Xrm.Tooling.PackageDeployment.CrmPackageExtentionBase/Microsoft.Xrm.Tooling.PackageDeployment.CrmPackageExtentionBase.csproj", "Microsoft.Xrm.Tooling.PackageDeployment.CrmPackageExtentionBase.txt"),
    };

    private const string MicrosoftPublicKeyToken = "31bf3856ad364e35";

    private readonly ApiGateFixture _gate;

    public ShippedAssemblyTests(ApiGateFixture gate) => _gate = gate;

    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var p in ShippedProjects) data.Add(p);
        return data;
    }

    public static TheoryData<string, string> References()
    {
        var data = new TheoryData<string, string>();
        foreach (var (project, listing) in ReferenceAssemblies) data.Add(project, listing);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedAssembly_Should_UseOnlySdkMembersInTheListings(string project)
    {
        var built = _gate.BuildNet462(project);

        var check = _gate.ApiCheck(new[] { "check", built.AssemblyPath }.Concat(_gate.Listings).ToArray());

        Assert.True(check.ExitCode == 0 && check.StdOut.Contains("; 0 missing", StringComparison.Ordinal),
            $"xrm-apicheck check {Path.GetFileName(built.AssemblyPath)} exited with {check.ExitCode}:\n{check.Output}");
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedAssembly_Should_BeStrongNamedWithOurKeyAndBindToMicrosoftIdentities(string project)
    {
        var built = _gate.BuildNet462(project);
        using var pe = new PEReader(File.OpenRead(built.AssemblyPath));
        var md = pe.GetMetadataReader();

        Assert.True((pe.PEHeaders.CorHeader!.Flags & CorFlags.StrongNameSigned) != 0, $"{built.AssemblyPath} is not strong-name signed.");
        var publicKey = md.GetBlobBytes(md.GetAssemblyDefinition().PublicKey);
        Assert.True(publicKey.AsSpan().SequenceEqual(PublicKeyOf(Path.Combine(_gate.RepoRoot, "build", "VoiceForD365.snk"))),
            $"{built.AssemblyPath} is not signed with build/VoiceForD365.snk (public key token {Token(publicKey)}).");

        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
            .Select(r => (Name: md.GetString(r.Name), r.Version, Token: TokenOf(md, r))).ToList();
        Assert.Contains(references, r => r.Name == "Microsoft.Xrm.Sdk" && r.Version == new Version(9, 0, 0, 0) && r.Token == MicrosoftPublicKeyToken);
        // Any other listed assembly it references (Microsoft.Xrm.Sdk.Workflow, ...) is bound to the listed identity too.
        foreach (var listed in _gate.Listings.Select(ListedIdentity))
        {
            foreach (var r in references.Where(r => r.Name == listed.Name))
            {
                Assert.True(r.Version == listed.Version && r.Token == Token(listed.GetPublicKeyToken() ?? Array.Empty<byte>()),
                    $"{Path.GetFileName(built.AssemblyPath)} references {r.Name}, Version={r.Version}, PublicKeyToken={r.Token}; Dataverse has {listed.FullName}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedBuildOutput_Should_NotContainReferenceAssemblies(string project)
    {
        var built = _gate.BuildNet462(project);
        var listedNames = _gate.Listings.Select(l => ListedIdentity(l).Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var carried = Directory.EnumerateFiles(built.OutputDirectory, "*.dll", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith("Microsoft.Xrm.Sdk", StringComparison.OrdinalIgnoreCase)
                        || listedNames.Contains(Path.GetFileNameWithoutExtension(f)))
            .Select(f => Path.GetRelativePath(built.OutputDirectory, f))
            .ToList();

        Assert.True(carried.Count == 0, $"The build output of {project} carries reference assemblies: {string.Join(", ", carried)}");
    }

    [Theory]
    [MemberData(nameof(References))]
    public void ReferenceAssembly_Should_ExposeOnlyTheListedApiWithTheListedIdentity(string project, string listing)
    {
        var built = _gate.BuildNet462(project);
        var expected = File.ReadAllLines(_gate.Listing(listing));

        var list = _gate.ApiCheck("list", built.AssemblyPath);

        Assert.True(list.ExitCode == 0, $"xrm-apicheck list exited with {list.ExitCode}:\n{list.Output}");
        var actual = list.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected.First(l => l.StartsWith("# assembly: ", StringComparison.Ordinal)),
            actual.First(l => l.StartsWith("# assembly: ", StringComparison.Ordinal)));
        var known = expected.Where(l => !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var extra = actual.Where(l => !l.StartsWith('#') && !known.Contains(l)).ToList();
        Assert.True(extra.Count == 0,
            $"{Path.GetFileName(built.AssemblyPath)} exposes {extra.Count} types or members that the real assembly does not have (or has with another signature):\n{string.Join("\n", extra)}");
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedAssembly_Should_ReferenceOnlyTheFrameworkAndTheListedSdk(string project)
    {
        var built = _gate.BuildNet462(project);
        using var pe = new PEReader(File.OpenRead(built.AssemblyPath));
        var md = pe.GetMetadataReader();
        var listed = _gate.Listings.Select(l => ListedIdentity(l).Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The .NET Framework's own assemblies carry one of these keys (ECMA, Microsoft's framework and platform keys);
        // NuGet packages for .NET Framework do not, and none of ours does.
        var other = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
            .Select(r => (Name: md.GetString(r.Name), Token: TokenOf(md, r)))
            .Where(r => !listed.Contains(r.Name) && r.Token is not ("b77a5c561934e089" or "b03f5f7f11d50a3a" or "31bf3856ad364e35"))
            .Select(r => r.Name + " (" + r.Token + ")")
            .ToList();

        Assert.True(other.Count == 0, $"{Path.GetFileName(built.AssemblyPath)} references assemblies that are neither the .NET Framework's nor the listed SDK's: {string.Join(", ", other)}");
    }

    private static AssemblyName ListedIdentity(string listing)
    {
        var head = File.ReadLines(listing).First(l => l.StartsWith("# assembly: ", StringComparison.Ordinal));
        return new AssemblyName(head["# assembly: ".Length..]);
    }

    private static string TokenOf(MetadataReader md, AssemblyReference r)
    {
        var blob = md.GetBlobBytes(r.PublicKeyOrToken);
        return (r.Flags & AssemblyFlags.PublicKey) != 0 ? Token(blob) : Convert.ToHexString(blob).ToLowerInvariant();
    }

    /// <summary>The public key token of a public key (or "null" for none).</summary>
    private static string Token(byte[] publicKeyOrToken) => publicKeyOrToken.Length switch
    {
        0 => "null",
        8 => Convert.ToHexString(publicKeyOrToken).ToLowerInvariant(),
        _ => Convert.ToHexString(SHA1.HashData(publicKeyOrToken)[^8..].Reverse().ToArray()).ToLowerInvariant(),
    };

    /// <summary>The public key, as an assembly carries it, of a strong-name key pair file (.snk).</summary>
    private static byte[] PublicKeyOf(string snk)
    {
        // .snk: PRIVATEKEYBLOB = BLOBHEADER(8) RSAPUBKEY(magic "RSA2", bitlen, pubexp) modulus ...
        // Assembly public key: SigAlgId CALG_RSA_SIGN, HashAlgId CALG_SHA1, length, then the PUBLICKEYBLOB:
        // BLOBHEADER(PUBLICKEYBLOB) RSAPUBKEY(magic "RSA1", bitlen, pubexp) modulus.
        var key = File.ReadAllBytes(snk);
        var bitLength = BitConverter.ToInt32(key, 12);
        var publicBlob = new List<byte> { 0x06, 0x02, 0x00, 0x00, 0x00, 0x24, 0x00, 0x00 };
        publicBlob.AddRange("RSA1"u8.ToArray());
        publicBlob.AddRange(key.AsSpan(12, 8).ToArray()); // bitlen, pubexp
        publicBlob.AddRange(key.AsSpan(20, bitLength / 8).ToArray()); // modulus
        var result = new List<byte> { 0x00, 0x24, 0x00, 0x00, 0x04, 0x80, 0x00, 0x00 };
        result.AddRange(BitConverter.GetBytes(publicBlob.Count));
        result.AddRange(publicBlob);
        return result.ToArray();
    }
}
