using System;
using System.IO;

namespace SecureServices.Analyzers.Tests.Infrastructure;

internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureServices.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (SecureServices.Analyzers.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
