using System.Buffers.Binary;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>A 20-byte (SHA-1) object id held in three integers: a cheap key and comparison, no allocation.</summary>
internal readonly record struct RawId(ulong A, ulong B, uint C)
{
    public const int Length = 20;

    public static RawId From(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));

    public static RawId From(ObjectId id) => From(id.RawId);

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), B);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), C);
        return bytes;
    }

    public ObjectId ToObjectId() => new(ToBytes());
}
