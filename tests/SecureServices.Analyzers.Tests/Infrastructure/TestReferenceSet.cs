using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecureServices.Analyzers.Tests.Infrastructure;

/// <summary>
/// The reference assemblies every test compilation uses: net10.0 + ASP.NET Core + the libraries rules
/// target, resolved at build time by tests/TestReferences (references.txt). Nothing is downloaded.
/// </summary>
internal static class TestReferenceSet
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    /// <summary>An empty set: the real references come from <see cref="References"/>.</summary>
    public static ReferenceAssemblies Assemblies { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> References => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "references.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException("references.txt is missing: build tests/TestReferences first.");
        }

        return File.ReadAllLines(list)
            .Where(l => l.Length > 0 && File.Exists(l))
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
