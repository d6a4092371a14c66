namespace HostDoc.Tests.ParserSamples;

/// <summary>
/// A small bzip2 decompressor, so the two samples PCP keeps compressed are read in-process and the
/// tests need no bzip2 package. It follows the format as bzip2 1.0 writes it (Huffman-coded MTF/RLE
/// symbols, inverse Burrows-Wheeler, then the initial run-length stage) and checks every block CRC.
/// </summary>
internal static class Bzip2
{
    private const ulong BlockMagic = 0x314159265359;
    private const ulong EndMagic = 0x177245385090;

    public static byte[] Decompress(byte[] data)
    {
        var input = new BitReader(data);
        var output = new MemoryStream();
        while (input.BitsLeft >= 32 && input.Bits(24) == 0x425A68)   // "BZh", once per concatenated stream
        {
            var level = input.Bits(8) - '0';
            if (level is < 1 or > 9)
            {
                throw new InvalidDataException("bad bzip2 block size");
            }

            var tt = new int[level * 100_000];
            while (true)
            {
                var magic = ((ulong)input.Bits(24) << 24) | input.Bits(24);
                var crc = input.Bits(32);
                if (magic == EndMagic)
                {
                    input.AlignToByte();
                    break;
                }

                if (magic != BlockMagic)
                {
                    throw new InvalidDataException("bad bzip2 block magic");
                }

                var block = Block(input, tt);
                if (Crc(block) != crc)
                {
                    throw new InvalidDataException("bzip2 block CRC mismatch");
                }

                output.Write(block);
            }
        }

        return output.ToArray();
    }

    private static byte[] Block(BitReader input, int[] tt)
    {
        if (input.Bits(1) != 0)
        {
            throw new InvalidDataException("randomised bzip2 blocks are not supported");
        }

        var origin = (int)input.Bits(24);
        var seqToUnseq = new byte[256];
        var inUse = 0;
        var used = input.Bits(16);
        for (var i = 0; i < 16; i++)
        {
            if ((used & (0x8000u >> i)) != 0)
            {
                var bits = input.Bits(16);
                for (var j = 0; j < 16; j++)
                {
                    if ((bits & (0x8000u >> j)) != 0)
                    {
                        seqToUnseq[inUse++] = (byte)((i * 16) + j);
                    }
                }
            }
        }

        var alphaSize = inUse + 2;
        var groups = (int)input.Bits(3);
        var selectorCount = (int)input.Bits(15);
        if (groups is < 2 or > 6 || selectorCount == 0)
        {
            throw new InvalidDataException("bad bzip2 Huffman groups");
        }

        var selectors = Selectors(input, groups, selectorCount);
        var tables = new Huffman[groups];
        for (var g = 0; g < groups; g++)
        {
            tables[g] = Huffman.Read(input, alphaSize);
        }

        var count = Symbols(input, tables, selectors, seqToUnseq, inUse, tt);
        if (origin >= count)
        {
            throw new InvalidDataException("bad bzip2 origin pointer");
        }

        return UndoRuns(InverseBwt(tt, count, origin));
    }

    private static byte[] Selectors(BitReader input, int groups, int count)
    {
        var order = Enumerable.Range(0, groups).Select(g => (byte)g).ToArray();
        var selectors = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var j = 0;
            while (input.Bits(1) == 1)
            {
                if (++j >= groups)
                {
                    throw new InvalidDataException("bad bzip2 selector");
                }
            }

            var chosen = order[j];
            Array.Copy(order, 0, order, 1, j);
            order[0] = chosen;
            selectors[i] = chosen;
        }

        return selectors;
    }

    private static int Symbols(BitReader input, Huffman[] tables, byte[] selectors, byte[] seqToUnseq, int inUse, int[] tt)
    {
        var mtf = seqToUnseq[..inUse];
        var endOfBlock = inUse + 1;
        var count = 0;
        var run = 0;
        var runBit = 1;
        for (var symbolIndex = 0; ; symbolIndex++)
        {
            var group = symbolIndex / 50;
            if (group >= selectors.Length)
            {
                throw new InvalidDataException("bzip2 block runs past its selectors");
            }

            var symbol = tables[selectors[group]].Decode(input);
            if (symbol <= 1)
            {
                // RUNA (0) and RUNB (1) spell a run length of the front byte in bijective base 2.
                run += runBit << symbol;
                runBit <<= 1;
                continue;
            }

            if (run > 0)
            {
                if (count + run > tt.Length)
                {
                    throw new InvalidDataException("bzip2 block overflows its size");
                }

                Array.Fill(tt, mtf[0], count, run);
                count += run;
                (run, runBit) = (0, 1);
            }

            if (symbol == endOfBlock)
            {
                return count;
            }

            var index = symbol - 1;
            var value = mtf[index];
            Array.Copy(mtf, 0, mtf, 1, index);
            mtf[0] = value;
            if (count >= tt.Length)
            {
                throw new InvalidDataException("bzip2 block overflows its size");
            }

            tt[count++] = value;
        }
    }

    private static byte[] InverseBwt(int[] tt, int count, int origin)
    {
        var starts = new int[256];
        for (var i = 0; i < count; i++)
        {
            starts[tt[i] & 0xff]++;
        }

        for (int b = 0, sum = 0; b < 256; b++)
        {
            (starts[b], sum) = (sum, sum + starts[b]);
        }

        for (var i = 0; i < count; i++)
        {
            tt[starts[tt[i] & 0xff]++] |= i << 8;
        }

        var result = new byte[count];
        var position = tt[origin] >> 8;
        for (var i = 0; i < count; i++)
        {
            var entry = tt[position];
            result[i] = (byte)(entry & 0xff);
            position = entry >> 8;
        }

        return result;
    }

    private static byte[] UndoRuns(byte[] data)
    {
        // After four equal bytes the next byte is how many more copies follow.
        var output = new List<byte>(data.Length * 2);
        var same = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (same == 4)
            {
                for (var k = 0; k < b; k++)
                {
                    output.Add(output[^1]);
                }

                same = 0;
                continue;
            }

            same = output.Count > 0 && output[^1] == b ? same + 1 : 1;
            output.Add(b);
        }

        return output.ToArray();
    }

    private static uint Crc(byte[] data)
    {
        var crc = 0xffffffffu;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04c11db7u : crc << 1;
            }
        }

        return ~crc;
    }

    /// <summary>The canonical Huffman decode tables of one group (bzip2's limit/base/perm).</summary>
    private sealed class Huffman
    {
        private const int MaxLength = 20;
        private readonly int[] _limit = new int[MaxLength + 2];
        private readonly int[] _base = new int[MaxLength + 2];
        private readonly int[] _perm;
        private readonly int _minLength;

        private Huffman(int[] lengths)
        {
            _minLength = lengths.Min();
            var maxLength = lengths.Max();
            _perm = new int[lengths.Length];
            var p = 0;
            for (var length = _minLength; length <= maxLength; length++)
            {
                for (var symbol = 0; symbol < lengths.Length; symbol++)
                {
                    if (lengths[symbol] == length)
                    {
                        _perm[p++] = symbol;
                    }
                }
            }

            Array.Fill(_limit, -1);
            var code = 0;
            var first = 0;
            for (var length = _minLength; length <= maxLength; length++)
            {
                var n = lengths.Count(l => l == length);
                _base[length] = code - first;   // symbol index = code - base
                code += n;
                first += n;
                _limit[length] = code - 1;
                code <<= 1;
            }
        }

        public static Huffman Read(BitReader input, int alphaSize)
        {
            var lengths = new int[alphaSize];
            var length = (int)input.Bits(5);
            for (var i = 0; i < alphaSize; i++)
            {
                while (true)
                {
                    if (length is < 1 or > MaxLength)
                    {
                        throw new InvalidDataException("bad bzip2 code length");
                    }

                    if (input.Bits(1) == 0)
                    {
                        break;
                    }

                    length += input.Bits(1) == 0 ? 1 : -1;
                }

                lengths[i] = length;
            }

            return new Huffman(lengths);
        }

        public int Decode(BitReader input)
        {
            var length = _minLength;
            var code = (int)input.Bits(length);
            while (code > _limit[length])
            {
                if (++length > MaxLength)
                {
                    throw new InvalidDataException("bad bzip2 Huffman code");
                }

                code = (code << 1) | (int)input.Bits(1);
            }

            return _perm[code - _base[length]];
        }
    }

    /// <summary>Reads bits most significant first.</summary>
    private sealed class BitReader(byte[] data)
    {
        private long _position;

        public long BitsLeft => ((long)data.Length * 8) - _position;

        public uint Bits(int count)
        {
            if (count > BitsLeft)
            {
                throw new InvalidDataException("bzip2 data ends early");
            }

            uint value = 0;
            for (var i = 0; i < count; i++, _position++)
            {
                value = (value << 1) | (uint)((data[_position >> 3] >> (7 - (int)(_position & 7))) & 1);
            }

            return value;
        }

        public void AlignToByte() => _position = (_position + 7) & ~7L;
    }
}
