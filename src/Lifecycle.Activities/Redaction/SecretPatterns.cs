using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>
/// The key and token formats recognised by their shape alone: each has a fixed prefix or structure
/// that a git sha, a GUID, a hash or a word never has, so a match is a secret whatever surrounds it.
/// </summary>
/// <remarks>
/// Sources: the providers' own documentation of their formats (AWS access key ids, GitHub's
/// <c>ghp_/gho_/ghu_/ghs_/ghr_</c> and <c>github_pat_</c>, GitLab's <c>glpat-</c>, Slack's
/// <c>xox?-</c> and webhooks, Stripe's <c>sk_/rk_</c>, Google's <c>AIza</c>, npm's <c>npm_</c>,
/// PyPI's <c>pypi-AgE</c>, SendGrid's <c>SG.</c>, OpenAI's and Anthropic's <c>sk-</c> keys), the
/// JWT and PEM standards, and URL user info (RFC 3986). Order matters: the earlier a pattern, the
/// more specific; a redacted span is never matched again.
/// </remarks>
public static class SecretPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The patterns, most specific first.</summary>
    public static IReadOnlyList<SecretPattern> All { get; } =
    [
        Of("private-key", @"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)"),
        Of("aws-access-key", @"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])"),
        Of("github-token", @"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])"),
        Of("github-token", @"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{40,255}(?![A-Za-z0-9_])"),
        Of("gitlab-token", @"(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}"),
        Of("slack-webhook", @"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}"),
        Of("slack-token", @"(?<![A-Za-z0-9_])xox[abposre]-[A-Za-z0-9-]{10,}"),
        Of("stripe-key", @"(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}(?![A-Za-z0-9_])"),
        Of("google-api-key", @"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
        Of("anthropic-key", @"(?<![A-Za-z0-9_-])sk-ant-[a-z]+[0-9]{2}-[A-Za-z0-9_-]{40,}"),
        Of("openai-key", @"(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}"),
        Of("openai-key", @"(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}"),
        Of("npm-token", @"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])"),
        Of("pypi-token", @"(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,}"),
        Of("sendgrid-key", @"(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"),
        Of("jwt", @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),

        // The password of a URL's user info (postgres://app:PASSWORD@db/...): the rest of the URL stays.
        // People paste passwords unencoded, so the password runs to the last @ that a host follows
        // (pa/ss@9 in https://u:pa/ss@9@host/db); a port and path (host:8080/users/@dana) are no password.
        Of("url-password", @"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@""'<>\[]+:(?!\[REDACTED:)(?!\d+(?:[/?#]|$))(?<secret>[^\s""'<>]+)(?=@[^\s@/?#""'<>]+(?:[/?#\s""'<>]|$))", "://"),

        // Password=...; in a connection string (ADO.NET, ODBC, JDBC properties): a key=value; pair before or after it.
        Of("connection-string-password", @"(?i);\s*(?:password|pwd)\s*=\s*(?<secret>(?!\[REDACTED:)[^;""'\s]+)|(?<![^\s""'])(?:password|pwd)\s*=\s*(?<secret>(?!\[REDACTED:)[^;""'\s]+)(?=\s*;)", "password", "pwd"),
    ];

    private static SecretPattern Of(string kind, string pattern, params string[] hints) => new(kind, new Regex(pattern, Options, Timeout), hints);
}
