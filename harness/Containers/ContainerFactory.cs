using DotNet.Testcontainers.Builders;
using PerfTests.Containers.Runtime;
using PerfTests.Resources;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace PerfTests.Containers;

/// <summary>Builds (does not start) the containers of one environment, labelled with its session id.</summary>
internal static class ContainerFactory
{
    /// <summary>Label carrying <see cref="PerfEnvironment.SessionId"/>; disposal sweeps by it, tests query by it.</summary>
    internal const string SessionLabel = "perftests.session";

    /// <summary>Label naming the role ("postgres", "redis") for fault drills that pick a container.</summary>
    internal const string RoleLabel = "perftests.role";

    internal static PostgreSqlContainer Postgres(EnvironmentOptions options, string sessionId) =>
        new PostgreSqlBuilder(options.PostgresImage)
            .WithDatabase(options.PostgresDatabase)
            .WithUsername(options.PostgresUser)
            .WithPassword(options.PostgresPassword)
            .WithLabel(SessionLabel, sessionId)
            .WithLabel(RoleLabel, "postgres")
            .WithLabel(RunOwner.Labels)
            .WithEnvironment(RunOwner.Variable, RunOwner.AsVariable())
            .WithCreateParameterModifier(LoopbackOnly)
            .Build();

    internal static RedisContainer Redis(EnvironmentOptions options, string sessionId) =>
        new RedisBuilder(options.RedisImage)
            .WithLabel(SessionLabel, sessionId)
            .WithLabel(RoleLabel, "redis")
            .WithLabel(RunOwner.Labels)
            .WithEnvironment(RunOwner.Variable, RunOwner.AsVariable())
            .WithCreateParameterModifier(LoopbackOnly)
            .Build();

    // The owner is also in the environment: the machine sampler (MachineResourceSource) tells the run's
    // container processes from a neighbour's by it, as it does for app processes.

    /// <summary>
    /// Published ports listen on 127.0.0.1 only: the runtime's default, every interface, would offer
    /// PostgreSQL with its well-known test password to the whole network.
    /// </summary>
    internal static void LoopbackOnly(Docker.DotNet.Models.CreateContainerParameters parameters)
    {
        foreach (var bindings in parameters.HostConfig?.PortBindings?.Values ?? [])
        {
            foreach (var binding in bindings)
            {
                binding.HostIP = "127.0.0.1";
            }
        }
    }
}
