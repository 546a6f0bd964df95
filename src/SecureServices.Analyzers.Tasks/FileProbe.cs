using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SecureServices.Analyzers.Tasks
{
    /// <summary>What a path is, found without opening it.</summary>
    internal enum FileKind
    {
        Missing,
        Regular,
        Directory,

        /// <summary>A named pipe (FIFO), a device or a socket: opening or reading it can block forever or never end.</summary>
        Special,

        /// <summary>Only from <see cref="FileProbe.KindOfLink"/>: the path itself is a symbolic link.</summary>
        SymbolicLink,
    }

    /// <summary>
    /// File-system checks the task makes before it opens anything. On Unix, <c>FileInfo</c> cannot tell a
    /// named pipe from an empty file (both have length 0 and attributes <c>Normal</c>), and opening a pipe
    /// blocks until a writer appears, so the file type comes from <c>stat</c> through the runtime's own
    /// native shim (<c>libSystem.Native</c>, present wherever .NET runs on Unix). Where that shim is not
    /// available the checks fall back to managed APIs, and callers never open a zero-length file, so a
    /// pipe still cannot hang the build.
    /// </summary>
    internal static class FileProbe
    {
        // The runtime's FileStatus starts with int32 Flags, then int32 Mode (S_IFMT bits normalized by the shim).
        private const int ModeOffset = 4;
        private const int StatusBufferSize = 256;
        private const int TypeMask = 0xF000;
        private const int TypeDirectory = 0x4000;
        private const int TypeRegular = 0x8000;
        private const int TypeLink = 0xA000;

        /// <summary>Symbolic links followed in one resolution before giving up (the kernel's ELOOP limit).</summary>
        private const int MaxLinkHops = 40;

        private static bool IsWindows => Path.DirectorySeparatorChar == '\\';

        /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
        public static FileKind Kind(string path) => Probe(path, followLinks: true);

        /// <summary>The kind of <paramref name="path"/> itself: <see cref="FileKind.SymbolicLink"/> when it is a link.</summary>
        public static FileKind KindOfLink(string path) => Probe(path, followLinks: false);

        /// <summary>
        /// The file a context-relative path names, resolved as BuildKit resolves it: inside the context root
        /// only. A symbolic link is followed while it stays in the context; an absolute target or a <c>..</c>
        /// past the root is taken relative to the root (it never reaches the host's files), which in practice
        /// makes a link that points out of the context an absent file. Null when the path does not resolve.
        /// </summary>
        public static string? ResolveInContext(string root, string relativePath)
        {
            var pending = new List<string>(IsWindows ? relativePath.Split('/', '\\') : relativePath.Split('/'));
            pending.Reverse(); // a stack: the next segment is at the end
            var current = root;
            var hops = 0;
            while (pending.Count > 0)
            {
                var segment = pending[pending.Count - 1];
                pending.RemoveAt(pending.Count - 1);
                if (segment.Length == 0 || segment == ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    // At the root, '..' stays at the root (the context is the whole world for the builder).
                    current = IsSameOrUnder(current, root) && current.Length > root.Length ? Path.GetDirectoryName(current)! : root;
                    continue;
                }

                var candidate = Path.Combine(current, segment);
                var kind = KindOfLink(candidate);
                if (kind == FileKind.Missing)
                {
                    return null;
                }

                if (kind != FileKind.SymbolicLink)
                {
                    current = candidate;
                    continue;
                }

                var target = ReadLink(candidate);
                if (target == null || ++hops > MaxLinkHops)
                {
                    return null;
                }

                if (Path.IsPathRooted(target))
                {
                    if (!IsWindows)
                    {
                        current = root; // '/x' is the context's '/x' for the builder
                    }
                    else if (IsSameOrUnder(Path.GetFullPath(target), root))
                    {
                        current = root;
                        target = Path.GetFullPath(target).Substring(root.Length);
                    }
                    else
                    {
                        return null; // another drive or folder: outside the context
                    }
                }

                var targetSegments = IsWindows ? target.Split('/', '\\') : target.Split('/'); // '\\' is a file-name character on Unix
                for (var i = targetSegments.Length - 1; i >= 0; i--)
                {
                    pending.Add(targetSegments[i]);
                }
            }

            return current;
        }

        private static bool IsSameOrUnder(string path, string root)
            => path.StartsWith(root, IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            && (path.Length == root.Length || path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal));

        private static FileKind Probe(string path, bool followLinks)
        {
            if (!IsWindows)
            {
                try
                {
                    var status = new byte[StatusBufferSize];
                    var result = followLinks ? NativeMethods.Stat(Utf8(path), status) : NativeMethods.LStat(Utf8(path), status);
                    if (result != 0)
                    {
                        return FileKind.Missing;
                    }

                    switch (BitConverter.ToInt32(status, ModeOffset) & TypeMask)
                    {
                        case TypeRegular: return FileKind.Regular;
                        case TypeDirectory: return FileKind.Directory;
                        case TypeLink: return FileKind.SymbolicLink;
                        default: return FileKind.Special;
                    }
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
                {
                    // Not the .NET runtime (Mono, an unusual host): the managed view below (links via LinkTarget, pipes unseen).
                }
            }

            try
            {
                if (Directory.Exists(path))
                {
                    return !followLinks && IsLink(path) ? FileKind.SymbolicLink : FileKind.Directory;
                }

                if (File.Exists(path))
                {
                    return !followLinks && IsLink(path) ? FileKind.SymbolicLink : FileKind.Regular;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
            }

            return FileKind.Missing;
        }

        /// <summary>
        /// A symbolic link or junction, without native calls: a reparse point whose link target the runtime can read
        /// (FileSystemInfo.LinkTarget, .NET 6+). Other reparse points (cloud placeholders such as OneDrive's) are
        /// ordinary files, and where the property does not exist (.NET Framework) no file is taken for a link.
        /// </summary>
        private static bool IsLink(string path)
            => (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0 && ManagedLinkTarget(path) != null;

        private static string? ManagedLinkTarget(string path)
        {
            try
            {
                return typeof(FileSystemInfo).GetProperty("LinkTarget")?.GetValue(new FileInfo(path)) as string;
            }
            catch (Exception ex) when (ex is System.Reflection.TargetInvocationException || ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>The target of a symbolic link as written, or null (not a link, or no way to read it: then the link is not followed).</summary>
        private static string? ReadLink(string path)
        {
            if (IsWindows)
            {
                return ManagedLinkTarget(path);
            }

            try
            {
                var buffer = new byte[4096];
                var length = NativeMethods.ReadLink(Utf8(path), buffer, buffer.Length);
                return length > 0 && length < buffer.Length ? Encoding.UTF8.GetString(buffer, 0, length) : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                return ManagedLinkTarget(path);
            }
        }

        private static byte[] Utf8(string path)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
            Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return bytes;
        }

        private static class NativeMethods
        {
            private const string SystemNative = "libSystem.Native";

            [DllImport(SystemNative, EntryPoint = "SystemNative_Stat")]
            public static extern int Stat(byte[] path, byte[] status);

            [DllImport(SystemNative, EntryPoint = "SystemNative_LStat")]
            public static extern int LStat(byte[] path, byte[] status);

            [DllImport(SystemNative, EntryPoint = "SystemNative_ReadLink")]
            public static extern int ReadLink(byte[] path, byte[] buffer, int bufferSize);
        }
    }
}
