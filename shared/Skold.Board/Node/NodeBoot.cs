using Skold.Board.Boards;
using Skold.Board.Storage;
using Skold.Codec;
using Skold.Provisioning;

namespace Skold.Board.Node
{
    /// <summary>
    /// Which pin map to drive, decided before any pin is touched: the board name in the
    /// provisioning file; when that file is missing or damaged, the name remembered from the last
    /// good provisioning (so the board can still blink and say why on serial). A board that was
    /// never provisioned has no pins to speak with: BoardException says so (the board prints it on
    /// the debugger output).
    /// </summary>
    public static class NodeBoot
    {
        public const string ProvisioningFile = "skold.provision";
        public const string RememberedBoardFile = "skold.board";

        public static BoardPinMap ChooseBoard(IFlashFiles files)
        {
            byte[]? data = files.Read(ProvisioningFile);
            string name = "";
            if (data != null)
            {
                try
                {
                    name = DeviceProvisioning.Decode(data).Board;
                }
                catch (MalformedDataException)
                {
                    name = "";
                }
            }
            if (name.Length > 0)
            {
                BoardPinMap map = BoardPinMap.ForName(name);
                string remembered = ReadRemembered(files);
                if (remembered != name)
                {
                    byte[] bytes = Ascii(name);
                    files.Write(RememberedBoardFile, bytes, 0, bytes.Length);
                }
                return map;
            }
            string last = ReadRemembered(files);
            if (last.Length > 0)
            {
                return BoardPinMap.ForName(last);
            }
            throw new BoardException(data == null
                ? "no provisioning on this board (" + ProvisioningFile + " on the internal drive): write one with `skold provision` and deploy it with nanoff --filedeployment (nodes/README.md)"
                : "the provisioning file is damaged and no board was remembered: provision the board again (nodes/README.md)");
        }

        private static string ReadRemembered(IFlashFiles files)
        {
            byte[]? bytes = files.Read(RememberedBoardFile);
            if (bytes == null || bytes.Length == 0 || bytes.Length > 32)
            {
                return "";
            }
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] < 0x20 || bytes[i] > 0x7e)
                {
                    return "";
                }
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
