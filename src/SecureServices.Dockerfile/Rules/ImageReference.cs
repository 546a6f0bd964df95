using System;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>An image reference split into registry, repository, tag and digest.</summary>
    public readonly struct ImageReference
    {
        private ImageReference(string registry, string repository, string? tag, string? digest)
        {
            Registry = registry;
            Repository = repository;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The registry host; <c>docker.io</c> for bare names such as <c>alpine</c> or <c>library/alpine</c>.</summary>
        public string Registry { get; }

        public string Repository { get; }

        public string? Tag { get; }

        public string? Digest { get; }

        public static ImageReference Parse(string reference)
        {
            string? digest = null;
            var at = reference.IndexOf('@');
            if (at >= 0)
            {
                digest = reference.Substring(at + 1);
                reference = reference.Substring(0, at);
            }

            string? tag = null;
            var lastSlash = reference.LastIndexOf('/');
            var colon = reference.LastIndexOf(':');
            if (colon > lastSlash)
            {
                tag = reference.Substring(colon + 1);
                reference = reference.Substring(0, colon);
            }

            var registry = "docker.io";
            var firstSlash = reference.IndexOf('/');
            if (firstSlash > 0)
            {
                var head = reference.Substring(0, firstSlash);
                if (head.IndexOf('.') >= 0 || head.IndexOf(':') >= 0 || head == "localhost")
                {
                    registry = head;
                    reference = reference.Substring(firstSlash + 1);
                }
            }

            return new ImageReference(registry, reference, tag, digest);
        }

        public bool IsScratch => Registry == "docker.io" && string.Equals(Repository, "scratch", StringComparison.OrdinalIgnoreCase) && Tag == null && Digest == null;
    }
}
