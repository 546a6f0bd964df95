namespace SecureServices.Analyzers.Internals
{
    /// <summary>Cheap checks on candidate secret values: what is obviously not a secret.</summary>
    internal static class SecretValues
    {
        /// <summary>
        /// Empty or blank strings, masks (<c>***</c>, <c>xxxx</c>), format holes (<c>{0}</c>) and placeholders
        /// for values injected later (<c>${DB_PASSWORD}</c>, <c>%PASSWORD%</c>, <c>&lt;your-key-here&gt;</c>, <c>#{Token}#</c>).
        /// </summary>
        public static bool IsPlaceholder(string value)
        {
            var v = value.Trim();
            if (v.Length == 0)
            {
                return true;
            }

            if (IsSingleRepeatedChar(v))
            {
                return true;
            }

            var first = v[0];
            var last = v[v.Length - 1];
            return (first == '$' && v.Length > 2 && (v[1] == '{' || v[1] == '(') && (last == '}' || last == ')'))
                || (first == '%' && last == '%' && v.Length > 2)
                || (first == '<' && last == '>')
                || (first == '{' && last == '}')
                || (first == '#' && v.Length > 2 && v[1] == '{' && last == '#')
                || (first == '[' && last == ']' && v.IndexOf(' ') < 0 && v.Length > 2);
        }

        private static bool IsSingleRepeatedChar(string v)
        {
            for (var i = 1; i < v.Length; i++)
            {
                if (v[i] != v[0])
                {
                    return false;
                }
            }

            return v[0] == '*' || v[0] == 'x' || v[0] == 'X' || v[0] == '.' || v[0] == '-' || v[0] == '?' || v.Length == 1;
        }
    }
}
