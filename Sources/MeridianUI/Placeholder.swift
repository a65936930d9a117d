// MeridianUI
