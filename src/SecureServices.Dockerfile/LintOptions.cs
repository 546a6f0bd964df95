using System;
using System.Collections.Generic;

namespace SecureServices.Dockerfile
{
    /// <summary>The <c>secureservices.*</c> options that apply to one Dockerfile (from .editorconfig).</summary>
    public sealed class LintOptions
    {
        public static readonly LintOptions Empty = new LintOptions(new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>()));

        private readonly IReadOnlyDictionary<string, string> values;

        public LintOptions(IReadOnlyDictionary<string, string> values) => this.values = values;

        /// <summary>The option's value, or null. Keys are matched case-insensitively.</summary>
        public string? Get(string key)
        {
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }

            foreach (var pair in values)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        /// <summary>A comma- or space-separated list option, trimmed, without empty entries.</summary>
        public IReadOnlyList<string> GetList(string key)
        {
            var raw = Get(key);
            return raw == null ? Array.Empty<string>() : raw.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries);
        }

        public bool GetBool(string key, bool defaultValue)
        {
            var raw = Get(key);
            return raw == null ? defaultValue : bool.TryParse(raw.Trim(), out var b) ? b : defaultValue;
        }
    }
}
