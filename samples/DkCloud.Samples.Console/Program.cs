System.Console.WriteLine("DkCloud console sample");
