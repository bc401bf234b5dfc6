namespace Harness.Tests;
