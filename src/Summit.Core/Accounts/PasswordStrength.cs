namespace Summit.Core.Accounts;

/// <summary>Why a password would be guessed quickly, from the part of it that an offline guesser breaks first.</summary>
public enum PasswordWeakness
{
    CommonPassword,
    PersonalOrSummit,
    CommonWords,
    KeyboardPattern,
    Repetition,
    Sequence,
    DateOrYear,
    TooSimple,
}

/// <summary>
/// How hard a password is to guess, estimated offline with zxcvbn (Dropbox's estimator): it finds the common
/// passwords, words, names, keyboard rows, repeats, sequences and dates a password is built from, with the person's
/// own name and address and the summit's name counted as the first words a guesser tries. A password is accepted
/// at score <see cref="MinimumScore"/> or more (of 4); length 12 to 256 and any characters, no composition rules
/// (NIST SP 800-63B).
/// </summary>
public static class PasswordStrength
{
    public const int MinimumScore = 3;

    public const int MaximumLength = 256;

    /// <summary>What anyone attacking a Summit account would try first.</summary>
    public static readonly IReadOnlyList<string> SummitWords = ["summit", "cci", "ccifs", "cci-fs", "chongqing", "singapore", "connectivity", "financial"];

    public static class Reasons
    {
        public const string CommonPassword = "This password is one of the most used passwords, so it would be guessed among the first. Try a few unrelated words, or a longer phrase.";
        public const string PersonalOrSummit = "This password is built on your name, your email address or the summit's name, which a guesser tries first. Try a few unrelated words, or a longer phrase.";
        public const string CommonWords = "This password is a common word or name with little added, so it would be guessed quickly. Try a few unrelated words, or a longer phrase.";
        public const string KeyboardPattern = "This password follows keys next to each other on the keyboard (like qwerty), which a guesser tries early. Try a few unrelated words, or a longer phrase.";
        public const string Repetition = "This password repeats characters or a pattern (like aaa or abcabc), which makes it easy to guess. Try a few unrelated words, or a longer phrase.";
        public const string Sequence = "This password is a sequence (like abcd or 1234), which makes it easy to guess. Try a few unrelated words, or a longer phrase.";
        public const string DateOrYear = "This password relies on a date or a year, which a guesser tries early. Try a few unrelated words, or a longer phrase.";
        public const string TooSimple = "This password would be guessed too quickly. Try a few unrelated words, or a longer phrase.";
        public const string TooLong = "Passwords can be at most {0} characters long.";

        public static string For(PasswordWeakness weakness) => weakness switch
        {
            PasswordWeakness.CommonPassword => CommonPassword,
            PasswordWeakness.PersonalOrSummit => PersonalOrSummit,
            PasswordWeakness.CommonWords => CommonWords,
            PasswordWeakness.KeyboardPattern => KeyboardPattern,
            PasswordWeakness.Repetition => Repetition,
            PasswordWeakness.Sequence => Sequence,
            PasswordWeakness.DateOrYear => DateOrYear,
            _ => TooSimple,
        };
    }

    /// <summary>Null for a password hard enough to guess; otherwise the main reason it is not.</summary>
    /// <param name="personal">The person's own words: name, email address (its parts count separately).</param>
    public static PasswordWeakness? Weakness(string password, IEnumerable<string?> personal)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(personal);
        var inputs = ContextWords(personal);
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, inputs);
        if (result.Score >= MinimumScore)
        {
            return null;
        }

        var patterns = result.MatchSequence.ToList();
        var dictionaries = patterns.OfType<Zxcvbn.Matcher.DictionaryMatch>().Select(m => m.DictionaryName).ToList();
        if (dictionaries.Contains("user_inputs"))
        {
            return PasswordWeakness.PersonalOrSummit;
        }

        if (dictionaries.Contains("passwords"))
        {
            return PasswordWeakness.CommonPassword;
        }

        var names = patterns.Select(m => m.Pattern).ToHashSet(StringComparer.Ordinal);
        return names switch
        {
            _ when names.Contains("spatial") => PasswordWeakness.KeyboardPattern,
            _ when names.Contains("repeat") => PasswordWeakness.Repetition,
            _ when names.Contains("sequence") => PasswordWeakness.Sequence,
            _ when names.Contains("date") || names.Contains("year") => PasswordWeakness.DateOrYear,
            _ when dictionaries.Count > 0 => PasswordWeakness.CommonWords,
            _ => PasswordWeakness.TooSimple,
        };
    }

    /// <summary>The person's words and their parts (an address's name and domain, a name's words), lower case, with the summit's words.</summary>
    internal static List<string> ContextWords(IEnumerable<string?> personal)
    {
        var words = new List<string>(SummitWords);
        foreach (var text in personal)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var lower = text.Trim().ToLowerInvariant();
            words.Add(lower);
            words.AddRange(lower.Split([' ', '@', '.', '-', '_', '+', '·'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3));
        }

        return [.. words.Distinct(StringComparer.Ordinal)];
    }
}
