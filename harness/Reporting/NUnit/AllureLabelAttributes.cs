using NUnit.Framework;
using PerfTests.Reporting.NUnit;

namespace PerfTests;

/// <summary>Allure "epic" label; on a method or fixture (NUnit property "Epic").</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class EpicAttribute(string epic) : PropertyAttribute(NUnitTestMapper.EpicProperty, epic);

/// <summary>Allure "feature" label; on a method or fixture (NUnit property "Feature").</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureAttribute(string feature) : PropertyAttribute(NUnitTestMapper.FeatureProperty, feature);

/// <summary>Allure "story" label; on a method or fixture (NUnit property "Story").</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StoryAttribute(string story) : PropertyAttribute(NUnitTestMapper.StoryProperty, story);

/// <summary>Allure "severity" label: blocker, critical, normal (default), minor or trivial.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly)]
public sealed class SeverityAttribute(string severity) : PropertyAttribute(NUnitTestMapper.SeverityProperty, severity);
