; Inno Setup script for TR Desk on Windows: installs dist\tr-desk (built by
; packaging/tr-desk.spec on Windows) for the current user, a Start-menu entry for the windowed
; «TR Desk.exe», and an uninstaller that removes the program and keeps the user's data
; (%LOCALAPPDATA%\TR Desk: the database, its backups, attachments and notices).
;     iscc /DAppVersion=0.1.0 packaging\windows\tr-desk.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F3C2B1E-8D4A-4E7B-9C2F-1A5D7E9B3C40}
AppName=TR Desk
AppVersion={#AppVersion}
AppPublisher=TR Desk
DefaultDirName={localappdata}\Programs\TR Desk
DefaultGroupName=TR Desk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=tr-desk-{#AppVersion}-windows-setup
SetupIconFile=..\icons\tr-desk.ico
UninstallDisplayIcon={app}\TR Desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible

[Languages]
Name: "norwegian"; MessagesFile: "compiler:Languages\Norwegian.isl"

[Tasks]
Name: "desktopicon"; Description: "Lag snarvei på skrivebordet"; GroupDescription: "Snarveier:"; Flags: unchecked

[Files]
Source: "..\..\dist\tr-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\TR Desk"; Filename: "{app}\TR Desk.exe"
Name: "{group}\Avinstaller TR Desk"; Filename: "{uninstallexe}"
Name: "{userdesktop}\TR Desk"; Filename: "{app}\TR Desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\TR Desk.exe"; Description: "Start TR Desk"; Flags: nowait postinstall skipifsilent

; The uninstaller removes only what the installer put in {app}: the data folder
; (%LOCALAPPDATA%\TR Desk) and the settings (%APPDATA%\TR Desk) are the user's and stay.
