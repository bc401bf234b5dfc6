namespace Integration.Tests;
