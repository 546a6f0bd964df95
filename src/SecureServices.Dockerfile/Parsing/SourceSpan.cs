namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>
    /// A 1-based range in the Dockerfile. <see cref="EndColumn"/> is the column just after the last
    /// character, as the compiler reports end positions, so <c>FROM img</c> gives img = (1,6)-(1,9).
    /// </summary>
    public readonly struct SourceSpan
    {
        public SourceSpan(int startLine, int startColumn, int endLine, int endColumn)
        {
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public int StartLine { get; }

        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public static SourceSpan Start => new SourceSpan(1, 1, 1, 1);

        public override string ToString() => $"({StartLine},{StartColumn},{EndLine},{EndColumn})";
    }
}
