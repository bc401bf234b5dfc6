using System.Runtime.CompilerServices;

// The Integration tests reuse the suites' scenario builders to prove each budget catches a defect.
[assembly: InternalsVisibleTo("Integration.Tests")]
