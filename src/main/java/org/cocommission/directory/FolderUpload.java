package org.cocommission.directory;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** The folder upload: every file of a folder of published files (checked by the controller: at least one). */
record FolderUpload(List<MultipartFile> files) {
}
