namespace Lifecycle.Activities.Configuration;

/// <summary>What <see cref="ConfigFile.Ensure"/> did.</summary>
/// <param name="ConfigPath">The config file.</param>
/// <param name="ConfigCreated">True when it was written with the defaults; false when one existed and was kept.</param>
/// <param name="SchemaPath">The schema file beside it.</param>
/// <param name="SchemaWritten">True when the schema was written (new, or changed since); false when it was up to date.</param>
public sealed record ConfigFileResult(string ConfigPath, bool ConfigCreated, string SchemaPath, bool SchemaWritten);
