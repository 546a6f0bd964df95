using System.Collections.ObjectModel;

namespace SecureServices.Dockerfile
{
    /// <summary>
    /// Static tables of the engine: read-only views over arrays nobody else holds. The engine is shared by every
    /// build on every thread of an MSBuild node and has no dependencies (no System.Collections.Immutable), so a
    /// table is never a bare array, list or set (see StaticStateTests). Walk them with an index: a foreach over
    /// the view would box its enumerator.
    /// </summary>
    internal static class ReadOnlyTable
    {
        public static ReadOnlyCollection<T> Of<T>(params T[] items) => new ReadOnlyCollection<T>(items);
    }
}
