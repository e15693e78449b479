namespace VoiceForD365.Solution.Packing;

/// <summary>
/// Why the solution or the package can't be built from what was given (an assembly that can't ship, a file that can't
/// be read or written), in one sentence for the person packing: what is wrong, with its path, and what to do.
/// </summary>
public sealed class PackingException : Exception
{
    public PackingException(string message)
        : base(message)
    {
    }

    public PackingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
