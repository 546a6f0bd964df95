using System.Text;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>Deterministic fake token bodies, so tests never contain a literal that looks like a real secret.</summary>
internal static class Fake
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string DigitChars = "0123456789";

    public static string Base32(int length, int seed) => From(Upper + "234567", length, seed);

    public static string Base62(int length, int seed) => From(DigitChars + Upper + Lower, length, seed);

    public static string Base64(int length, int seed) => From(Upper + Lower + DigitChars + "+/", length, seed);

    public static string Base64Url(int length, int seed) => From(Upper + Lower + DigitChars + "-_", length, seed);

    public static string Digits(int length, int seed) => From(DigitChars, length, seed);

    public static string Hex(int length, int seed) => From("0123456789abcdef", length, seed);

    /// <summary>prefix + body + the 6-character base62 CRC32 of body (GitHub and npm token checksum), computed independently of the detector.</summary>
    public static string WithCrc32(string prefix, string body)
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.ASCII.GetBytes(body))
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        crc ^= 0xFFFFFFFFu;
        const string alphabet = DigitChars + Upper + Lower;
        var digits = new char[6];
        ulong value = crc;
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = alphabet[(int)(value % 62)];
            value /= 62;
        }

        return prefix + body + new string(digits);
    }

    private static string From(string alphabet, int length, int seed)
    {
        // A small xorshift generator: stable across runtimes, unlike System.Random's seeded sequence.
        var state = (uint)seed * 2654435761u + 1;
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            sb.Append(alphabet[(int)(state % (uint)alphabet.Length)]);
        }

        return sb.ToString();
    }
}
