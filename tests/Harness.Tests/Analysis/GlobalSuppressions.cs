using System.Diagnostics.CodeAnalysis;

// Expected-value arrays read best inline in tests; they run once, so CA1861's concern does not apply.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants", Target = "~N:Harness.Tests.Analysis")]

// Seeded System.Random is the point here: deterministic synthetic data, not security.
[assembly: SuppressMessage("Security", "CA5394:Do not use insecure randomness", Scope = "namespaceanddescendants", Target = "~N:Harness.Tests.Analysis")]
