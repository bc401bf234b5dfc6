using System.Xml;

namespace PerfTests.Sharding;

/// <summary>
/// The TestRunParameters of a <c>.runsettings</c> file, so the merge judges with the profile the shards ran
/// (its overlay, baseline gate and interval). The file is the user's: no DTD, bounded size, and every
/// problem names the file and line.
/// </summary>
internal static class RunSettingsParameters
{
    private const long MaxBytes = 1024 * 1024;

    public static Dictionary<string, string> Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"--runsettings {path}: no such file.", path);
        }

        if (file.Length > MaxBytes)
        {
            throw new InvalidDataException($"--runsettings {path} is {file.Length} bytes; a runsettings file is at most {MaxBytes} bytes.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes };
        using var reader = XmlReader.Create(file.FullName, settings);
        var info = (IXmlLineInfo)reader;
        try
        {
            var inParameters = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "TestRunParameters")
                {
                    inParameters = !reader.IsEmptyElement;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Name == "TestRunParameters")
                {
                    inParameters = false;
                }
                else if (inParameters && reader.NodeType == XmlNodeType.Element && reader.Name == "Parameter")
                {
                    var name = reader.GetAttribute("name");
                    if (string.IsNullOrWhiteSpace(name) || reader.GetAttribute("value") is not { } value)
                    {
                        throw new InvalidDataException($"{path}({info.LineNumber},{info.LinePosition}): a <Parameter> needs name and value attributes.");
                    }

                    parameters[name] = value;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path}({ex.LineNumber},{ex.LinePosition}): not a runsettings file: {ex.Message}", ex);
        }

        return parameters;
    }
}
